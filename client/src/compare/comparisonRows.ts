import type {
  ActionFieldChange,
  CanonicalClause,
  ClauseChange,
  ClauseComparison,
  ClauseKind,
  DiffPart,
  DocumentComparison,
  FreeTextComparison,
} from '@accord/shared';
import type { NamedClause } from '../comments/clauseName';

/** One block of the comparison view, in reading order. */
export type ComparisonRow =
  | { type: 'title'; key: string; text: DiffPart[]; quiet: false }
  | { type: 'freeText'; key: string; change: FreeTextComparison['change']; text: DiffPart[]; quiet: false }
  | ClauseRow;

export interface ClauseRow {
  type: 'clause';
  key: string;
  clauseId: string | null;
  kind: ClauseKind;
  depth: number;
  /** empty for an unchanged clause */
  changes: ClauseChange[];
  /** shown muted, skipped by "next change": only renumbered, or unchanged */
  quiet: boolean;
  /** the clause as numbered in each version; null where it does not exist */
  old: NamedClause | null;
  new: NamedClause | null;
  heading: DiffPart[] | null;
  text: DiffPart[] | null;
  fields: ActionFieldChange[] | null;
}

const QUIET_CHANGES = new Set<ClauseChange>(['renumbered']);

function clauseRow(entry: ClauseComparison, index: number): ClauseRow {
  const removed = entry.changes.includes('removed');
  const added = entry.changes.includes('added');
  return {
    type: 'clause',
    key: `${entry.clauseId ?? 'unnamed'}:${index}`,
    clauseId: entry.clauseId,
    kind: entry.kind,
    depth: entry.depth,
    changes: entry.changes,
    quiet: entry.changes.every((change) => QUIET_CHANGES.has(change)),
    old:
      added || entry.oldLabel === null
        ? null
        : {
            kind: entry.kind,
            number: entry.oldNumber ?? '',
            label: entry.oldLabel,
            parentId: entry.oldParentId,
          },
    new:
      removed || entry.newLabel === null
        ? null
        : {
            kind: entry.kind,
            number: entry.newNumber ?? '',
            label: entry.newLabel,
            parentId: entry.newParentId,
          },
    heading: entry.heading,
    text: entry.text,
    fields: entry.fields,
  };
}

function unchangedRow(clause: CanonicalClause, index: number): ClauseRow {
  const named: NamedClause = {
    kind: clause.kind,
    number: clause.number,
    label: clause.label,
    parentId: clause.parentId,
  };
  return {
    type: 'clause',
    key: `${clause.clauseId ?? 'unnamed'}:u${index}`,
    clauseId: clause.clauseId,
    kind: clause.kind,
    depth: clause.depth,
    changes: [],
    quiet: true,
    old: named,
    new: named,
    heading: clause.heading ? [{ value: clause.heading }] : null,
    text: clause.text ? [{ value: clause.text }] : null,
    fields: null,
  };
}

/**
 * The clauses of `to` that no entry mentions, placed among the entries in reading order. A removed
 * clause follows the subtree of its previous sibling (compareDocuments' rule), so before it come
 * the unchanged clauses deeper than it: the rest of that subtree.
 */
function withUnchanged(entries: ClauseComparison[], toClauses: CanonicalClause[]): ClauseRow[] {
  const changed = new Set(entries.map((entry) => entry.clauseId).filter((id) => id !== null));
  const position = new Map<string, number>();
  toClauses.forEach((clause, index) => {
    if (clause.clauseId && !position.has(clause.clauseId)) position.set(clause.clauseId, index);
  });
  const rows: ClauseRow[] = [];
  let next = 0;
  const emitUnchangedUntil = (stop: (clause: CanonicalClause, index: number) => boolean) => {
    while (next < toClauses.length && !stop(toClauses[next]!, next)) {
      const clause = toClauses[next]!;
      if (!clause.clauseId || !changed.has(clause.clauseId)) rows.push(unchangedRow(clause, next));
      next += 1;
    }
  };
  entries.forEach((entry, index) => {
    const at =
      entry.clauseId !== null && !entry.changes.includes('removed')
        ? position.get(entry.clauseId)
        : undefined;
    const row = clauseRow(entry, index);
    if (at !== undefined) {
      emitUnchangedUntil((_clause, i) => i >= at);
      if (next === at) next += 1;
      // the full text: what did not change is shown too
      const clause = toClauses[at]!;
      if (row.heading === null && clause.heading) row.heading = [{ value: clause.heading }];
      if (row.text === null && clause.text) row.text = [{ value: clause.text }];
    } else {
      emitUnchangedUntil((clause) => clause.depth <= entry.depth);
    }
    rows.push(row);
  });
  emitUnchangedUntil(() => false);
  return rows;
}

/**
 * The comparison as the view shows it: the title, text outside clauses in the preamble, the
 * clauses (with the unchanged ones of `to` when asked), then the text outside clauses elsewhere
 * (the final formula). `toClauses` is the `to` version's rendering, needed only for unchanged.
 */
export function comparisonRows(
  comparison: Pick<DocumentComparison, 'title' | 'entries' | 'freeText'>,
  toClauses: CanonicalClause[] | null = null,
): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  if (comparison.title) rows.push({ type: 'title', key: 'title', text: comparison.title, quiet: false });
  const freeText = (area: FreeTextComparison['area']) =>
    comparison.freeText.flatMap((piece, index) =>
      piece.area === area
        ? [
            {
              type: 'freeText' as const,
              key: `free:${index}`,
              change: piece.change,
              text: piece.text,
              quiet: false as const,
            },
          ]
        : [],
    );
  rows.push(...freeText('preamble'));
  rows.push(
    ...(toClauses ? withUnchanged(comparison.entries, toClauses) : comparison.entries.map(clauseRow)),
  );
  rows.push(...freeText('body'));
  return rows;
}

/** How readers find the enclosing clauses of each side (to name paragraphs and points). */
export function clauseLookups(
  entries: ClauseComparison[],
  toClauses: CanonicalClause[] | null,
): { old: (id: string) => NamedClause | undefined; new: (id: string) => NamedClause | undefined } {
  const byId = new Map<string, ClauseRow>();
  entries.forEach((entry, index) => {
    if (entry.clauseId) byId.set(entry.clauseId, clauseRow(entry, index));
  });
  const current = new Map<string, CanonicalClause>();
  for (const clause of toClauses ?? []) if (clause.clauseId) current.set(clause.clauseId, clause);
  return {
    // a clause that no entry mentions is numbered the same in both versions
    old: (id) => {
      const row = byId.get(id);
      return row ? (row.old ?? undefined) : current.get(id);
    },
    new: (id) => current.get(id) ?? byId.get(id)?.new ?? undefined,
  };
}
