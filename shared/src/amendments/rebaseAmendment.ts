import { wordDiff } from '../compare/wordDiff.js';
import type { DiffPart } from '../compare/comparisonTypes.js';
import { contentText, type AmendmentActionFields, type ClauseContent } from './ClauseContent.js';
import { threeWayMerge, type MergeResult } from './threeWayMerge.js';
import { mergeMarks, type MarkEdit } from './mergeMarks.js';
import { formattedDiff } from './formattedDiff.js';
import type { AmendmentKind } from './amendmentValues.js';

export interface RebaseInput {
  kind: AmendmentKind;
  base: ClauseContent | null;
  proposal: ClauseContent | null;
}

export interface Rebased {
  state: 'pending' | 'rebased' | 'conflict' | 'obsolete';
  /** replace: the text merge (null otherwise, or when obsolete) */
  merge: MergeResult | null;
  /** replace of an action: the fields to set (those the proposal changes), or null */
  fields: Partial<AmendmentActionFields> | null;
  /** replace: the words of the current text whose marks the proposal changes (text kept) */
  marks: MarkEdit[];
  /** what accepting would do, as a word diff (see PresentedAmendment.diff) */
  diff: DiffPart[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Three-way merge of action fields, field by field: a field both sides changed differently conflicts. */
function mergeFields(
  base: AmendmentActionFields | undefined,
  current: AmendmentActionFields | undefined,
  proposal: AmendmentActionFields | undefined,
): { changes: Partial<AmendmentActionFields> | null; conflict: boolean; changedSinceBase: boolean } {
  if (!proposal || !base || !current) return { changes: null, conflict: false, changedSinceBase: false };
  const changes: Record<string, unknown> = {};
  let conflict = false;
  let changedSinceBase = false;
  for (const key of Object.keys(proposal) as (keyof AmendmentActionFields)[]) {
    if (!same(base[key], current[key])) changedSinceBase = true;
    if (same(base[key], proposal[key])) continue;
    if (same(base[key], current[key]) || same(current[key], proposal[key])) changes[key] = proposal[key];
    else conflict = true;
  }
  return {
    changes: Object.keys(changes).length > 0 ? (changes as Partial<AmendmentActionFields>) : null,
    conflict,
    changedSinceBase,
  };
}

/**
 * An open amendment against its clause as it is now (`current`; null: the clause is gone): its
 * state and what accepting it would do. Pure; computed whenever amendments are listed, so nothing
 * stored is ever updated when the clause changes.
 */
export function rebaseAmendment(amendment: RebaseInput, current: ClauseContent | null): Rebased {
  if (!current) {
    const from = amendment.base ? contentText(amendment.base) : '';
    const to = amendment.proposal ? contentText(amendment.proposal) : '';
    return { state: 'obsolete', merge: null, fields: null, marks: [], diff: wordDiff(from, to) };
  }
  const currentText = contentText(current);
  if (amendment.kind === 'insert') {
    return {
      state: 'pending',
      merge: null,
      fields: null,
      marks: [],
      diff: wordDiff('', amendment.proposal ? contentText(amendment.proposal) : ''),
    };
  }
  if (amendment.kind === 'delete' || !amendment.base || !amendment.proposal) {
    const unchanged = !amendment.base || same(amendment.base, current);
    return {
      state: unchanged ? 'pending' : 'rebased',
      merge: null,
      fields: null,
      marks: [],
      diff: wordDiff(currentText, ''),
    };
  }
  const baseText = contentText(amendment.base);
  const proposalText = contentText(amendment.proposal);
  const headingChanged = (amendment.base.heading === null) !== (current.heading === null);
  const merge = threeWayMerge(baseText, currentText, proposalText);
  const fields = mergeFields(amendment.base.fields, current.fields, amendment.proposal.fields);
  const marks = mergeMarks(amendment.base, current, amendment.proposal);
  if (headingChanged || merge.state === 'conflict' || fields.conflict || marks.conflicts.length > 0) {
    const conflicted: MergeResult = {
      ...merge,
      state: 'conflict',
      conflicts: [...merge.conflicts, ...marks.conflicts],
    };
    const diff = formattedDiff(
      wordDiff(baseText, proposalText),
      mergeMarks(amendment.base, amendment.base, amendment.proposal).edits,
    );
    return { state: 'conflict', merge: conflicted, fields: null, marks: [], diff };
  }
  const changed = merge.state === 'clean' || fields.changedSinceBase;
  return {
    state: changed ? 'rebased' : 'pending',
    merge,
    fields: fields.changes,
    marks: marks.edits,
    diff: formattedDiff(wordDiff(currentText, merge.text), marks.edits),
  };
}
