import type { CanonicalClause } from '../document/render/renderCanonical.js';
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.js';
import type { ClauseMatching } from './matchClauses.js';

/**
 * Which clauses of `to` moved: those whose parent changed, and those whose order among their
 * siblings changed. Order is judged only against siblings present in both versions under the
 * same parent, and the siblings kept in place are a longest run already in the old order, so
 * taking one article from the end to the top moves that article only — the ones it jumped over
 * are merely renumbered. Children travel with their parent: when a chapter moves, its articles
 * keep their parent and their order and are not moved themselves.
 */
export function movedClauses(
  from: readonly CanonicalClause[],
  to: readonly CanonicalClause[],
  { oldIndexOf }: ClauseMatching,
): boolean[] {
  const moved: boolean[] = Array.from({ length: to.length }, () => false);
  // parent id ('' for the top level) → [to index, from index] of children kept under that parent
  const siblings = new Map<string, { i: number; j: number }[]>();
  to.forEach((clause, i) => {
    const j = oldIndexOf[i]!;
    if (j < 0) return;
    if (from[j]!.parentId !== clause.parentId) {
      moved[i] = true;
      return;
    }
    const key = clause.parentId ?? '';
    let list = siblings.get(key);
    if (!list) siblings.set(key, (list = []));
    list.push({ i, j });
  });
  for (const list of siblings.values()) {
    const kept = longestIncreasingSubsequence(list.map((s) => s.j));
    if (kept.length === list.length) continue;
    const keep = new Set(kept);
    list.forEach((s, k) => {
      if (!keep.has(k)) moved[s.i] = true;
    });
  }
  return moved;
}
