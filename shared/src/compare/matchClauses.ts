import type { CanonicalClause } from '../document/render/renderCanonical.js';

export interface ClauseMatching {
  /** For each clause of `to`, the index of the same clause in `from`, or -1 (added). */
  oldIndexOf: Int32Array;
  /** For each clause of `from`, the index of the same clause in `to`, or -1 (removed). */
  newIndexOf: Int32Array;
}

/**
 * Pairs clauses by clauseId, never by position. A clause without a valid id cannot be followed
 * from one version to the next, so it counts as removed from one and added to the other. Only
 * the first of several clauses sharing an id is matched — the same rule as id repair, which
 * gives later duplicates new ids.
 */
export function matchClauses(
  from: readonly CanonicalClause[],
  to: readonly CanonicalClause[],
): ClauseMatching {
  const firstIndex = (clauses: readonly CanonicalClause[]) => {
    const map = new Map<string, number>();
    clauses.forEach((c, i) => {
      if (c.clauseId !== null && !map.has(c.clauseId)) map.set(c.clauseId, i);
    });
    return map;
  };
  const fromIndex = firstIndex(from);
  const toIndex = firstIndex(to);
  const oldIndexOf = new Int32Array(to.length).fill(-1);
  const newIndexOf = new Int32Array(from.length).fill(-1);
  to.forEach((c, i) => {
    if (c.clauseId === null || toIndex.get(c.clauseId) !== i) return;
    const j = fromIndex.get(c.clauseId);
    if (j === undefined) return;
    oldIndexOf[i] = j;
    newIndexOf[j] = i;
  });
  return { oldIndexOf, newIndexOf };
}
