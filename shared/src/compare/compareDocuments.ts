import type { CanonicalClause, CanonicalDocument } from '../document/render/renderCanonical.js';
import { compareActionFields } from './compareActionFields.js';
import { compareFreeText } from './compareFreeText.js';
import { comparisonWords } from './comparisonWords.js';
import {
  CLAUSE_CHANGES,
  type ClauseChange,
  type ClauseComparison,
  type CompareOptions,
  type ComparisonSummary,
  type DiffPart,
  type DocumentComparison,
} from './comparisonTypes.js';
import { detectSplitsAndMerges } from './detectSplitsAndMerges.js';
import { matchClauses } from './matchClauses.js';
import { movedClauses } from './movedClauses.js';
import { removedClauseSlots } from './removedClauseSlots.js';
import { wordDiff } from './wordDiff.js';

const partsWords = (parts: readonly DiffPart[], pick: 'added' | 'removed') =>
  // join with a space: adjacent runs may otherwise glue two words into one
  comparisonWords(
    parts
      .filter((p) => p[pick])
      .map((p) => p.value)
      .join(' '),
  );

/**
 * The clause-aware comparison of two versions, used alike by the REST API, the UI and the
 * exports. Clauses are matched by clauseId (see README.md for what each change means and how
 * splits and merges are detected). Word diffs are computed only for clauses whose heading or text
 * differs, and split/merge detection looks only at added × removed/changed clauses, so comparing
 * two versions costs about one pass over their clauses plus the diffs of what changed.
 */
export function compareDocuments(
  from: CanonicalDocument,
  to: CanonicalDocument,
  options: CompareOptions = {},
): DocumentComparison {
  const matching = matchClauses(from.clauses, to.clauses);
  const { oldIndexOf, newIndexOf } = matching;
  const moved = movedClauses(from.clauses, to.clauses, matching);

  const toEntries = to.clauses.map((clause, i): ClauseComparison => {
    const j = oldIndexOf[i]!;
    return j < 0 ? added(clause) : matched(from.clauses[j]!, clause, moved[i]!);
  });
  const removedEntries = new Map<number, ClauseComparison>();
  from.clauses.forEach((clause, j) => {
    if (newIndexOf[j]! < 0) removedEntries.set(j, removed(clause));
  });

  linkSplitsAndMerges(toEntries, removedEntries, from.clauses);

  const entries = readingOrder(
    toEntries,
    removedEntries,
    removedClauseSlots(from.clauses, to.clauses, matching),
  );
  for (const entry of entries) {
    entry.changes.sort((a, b) => CLAUSE_CHANGES.indexOf(a) - CLAUSE_CHANGES.indexOf(b));
    entry.unchanged = entry.changes.length === 0;
  }

  const summary = Object.fromEntries(
    [...CLAUSE_CHANGES, 'unchanged'].map((c) => [c, 0]),
  ) as ComparisonSummary;
  for (const entry of entries) {
    if (entry.unchanged) summary.unchanged++;
    for (const change of entry.changes) summary[change]++;
  }

  const title = from.title === to.title ? null : wordDiff(from.title, to.title);
  const freeText = compareFreeText(from, to);
  return {
    summary,
    hasChanges: title !== null || freeText.length > 0 || summary.unchanged < entries.length,
    title,
    entries: options.includeUnchanged ? entries : entries.filter((e) => !e.unchanged),
    freeText,
  };
}

function entry(
  clause: CanonicalClause,
  old: CanonicalClause | null,
  now: CanonicalClause | null,
  changes: ClauseChange[],
): ClauseComparison {
  return {
    clauseId: clause.clauseId,
    kind: clause.kind,
    changes,
    unchanged: false,
    depth: clause.depth,
    oldNumber: old?.number ?? null,
    newNumber: now?.number ?? null,
    oldLabel: old?.label ?? null,
    newLabel: now?.label ?? null,
    oldPath: old?.path ?? null,
    newPath: now?.path ?? null,
    oldParentId: old?.parentId ?? null,
    newParentId: now?.parentId ?? null,
    heading: null,
    text: null,
    fields: null,
    splitFrom: null,
    splitInto: [],
    mergedFrom: [],
    mergedInto: null,
  };
}

function added(clause: CanonicalClause): ClauseComparison {
  const e = entry(clause, null, clause, ['added']);
  e.heading = clause.heading ? wordDiff('', clause.heading) : null;
  e.text = clause.text ? wordDiff('', clause.text) : null;
  e.fields = clause.fields ? compareActionFields(undefined, clause.fields) : null;
  return e;
}

function removed(clause: CanonicalClause): ClauseComparison {
  const e = entry(clause, clause, null, ['removed']);
  e.heading = clause.heading ? wordDiff(clause.heading, '') : null;
  e.text = clause.text ? wordDiff(clause.text, '') : null;
  e.fields = clause.fields ? compareActionFields(clause.fields, undefined) : null;
  return e;
}

function matched(old: CanonicalClause, now: CanonicalClause, moved: boolean): ClauseComparison {
  const e = entry(now, old, now, []);
  if (moved) e.changes.push('moved');
  // a moved clause's new number is part of the move, not news of its own
  else if (old.number !== now.number || old.label !== now.label) e.changes.push('renumbered');
  const oldHeading = old.heading ?? '';
  const newHeading = now.heading ?? '';
  if (oldHeading !== newHeading) e.heading = wordDiff(oldHeading, newHeading);
  if (old.text !== now.text) e.text = wordDiff(old.text, now.text);
  const fields = compareActionFields(old.fields, now.fields);
  if (fields.length > 0) e.fields = fields;
  if (e.heading || e.text || e.fields) e.changes.push('modified');
  return e;
}

/** Marks splits and merges on the entries (see detectSplitsAndMerges for the rules). */
function linkSplitsAndMerges(
  toEntries: ClauseComparison[],
  removedEntries: Map<number, ClauseComparison>,
  fromClauses: readonly CanonicalClause[],
): void {
  // only clauses with an id can be pointed at
  const addedList = toEntries.filter((e) => e.changes.includes('added') && e.clauseId !== null);
  const removedList = [...removedEntries].filter(([, e]) => e.clauseId !== null);
  const changedList = toEntries.filter((e) => e.text !== null && !e.changes.includes('added'));
  const canSplit = addedList.length > 0 && removedList.length + changedList.length > 0;
  const canMerge = removedList.length > 0 && changedList.length > 0;
  if (!canSplit && !canMerge) return;

  const { splits, merges } = detectSplitsAndMerges({
    added: addedList.map((e) => partsWords(e.text ?? [], 'added')),
    removed: removedList.map(([j]) => comparisonWords(fromClauses[j]!.text)),
    changed: changedList.map((e) => ({
      lost: partsWords(e.text!, 'removed'),
      gained: partsWords(e.text!, 'added'),
    })),
  });
  for (const split of splits) {
    const part = addedList[split.added]!;
    const source =
      'removed' in split.from ? removedList[split.from.removed]![1] : changedList[split.from.changed]!;
    part.changes.push('split');
    part.splitFrom = source.clauseId;
    source.splitInto.push(part.clauseId!);
  }
  for (const merge of merges) {
    const source = removedList[merge.removed]![1];
    const into = changedList[merge.into]!;
    if (!into.changes.includes('merged')) into.changes.push('merged');
    into.mergedFrom.push(source.clauseId!);
    source.mergedInto = into.clauseId;
  }
}

/** `to` entries in order, each removed entry inserted before the `to` clause of its slot. */
function readingOrder(
  toEntries: ClauseComparison[],
  removedEntries: Map<number, ClauseComparison>,
  slots: Int32Array,
): ClauseComparison[] {
  // removedEntries iterates in `from` order, so a stable sort by slot keeps that order within a slot
  const removedInOrder = [...removedEntries].sort(([a], [b]) => slots[a]! - slots[b]!);
  const result: ClauseComparison[] = [];
  let r = 0;
  toEntries.forEach((e, i) => {
    while (r < removedInOrder.length && slots[removedInOrder[r]![0]]! <= i)
      result.push(removedInOrder[r++]![1]);
    result.push(e);
  });
  while (r < removedInOrder.length) result.push(removedInOrder[r++]![1]);
  return result;
}
