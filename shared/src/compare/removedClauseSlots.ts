import type { CanonicalClause } from '../document/render/renderCanonical.js';
import type { ClauseMatching } from './matchClauses.js';

/**
 * Where each removed clause goes in the reading order of `to`: slot k means "just before the
 * k-th clause of `to`" (k = to.length: at the end); -1 for clauses that were not removed.
 * Clauses sharing a slot go in their `from` order, which keeps a removed article's removed
 * paragraphs right after it.
 *
 * A removed clause goes after the subtree of its nearest previous sibling that is still there
 * under the same parent; with no such sibling, right after its parent (first child position),
 * or at the very start at the top level. The children of a removed clause go with it.
 */
export function removedClauseSlots(
  from: readonly CanonicalClause[],
  to: readonly CanonicalClause[],
  { newIndexOf }: ClauseMatching,
): Int32Array {
  // end of each `to` clause's subtree: the next clause at the same depth or shallower
  const subtreeEnd = new Int32Array(to.length).fill(to.length);
  const open: number[] = [];
  to.forEach((clause, i) => {
    while (open.length && to[open[open.length - 1]!]!.depth >= clause.depth) subtreeEnd[open.pop()!] = i;
    open.push(i);
  });

  const indexById = new Map<string, number>();
  from.forEach((c, j) => {
    if (c.clauseId !== null && !indexById.has(c.clauseId)) indexById.set(c.clauseId, j);
  });
  const stays = (j: number) => newIndexOf[j]! >= 0 && to[newIndexOf[j]!]!.parentId === from[j]!.parentId;

  const slots = new Int32Array(from.length).fill(-1);
  // nearest previous sibling (same parent) that stays, found once per clause so runs of
  // removed siblings do not rescan each other
  const anchor = new Int32Array(from.length).fill(-1);
  const lastChild = new Map<string, number>();
  from.forEach((clause, j) => {
    const key = clause.parentId ?? '';
    const previous = lastChild.get(key);
    lastChild.set(key, j);
    if (previous !== undefined) anchor[j] = stays(previous) ? previous : anchor[previous]!;
    if (newIndexOf[j]! >= 0) return;

    const parent = clause.parentId === null ? undefined : indexById.get(clause.parentId);
    if (parent !== undefined && newIndexOf[parent]! < 0) {
      slots[j] = slots[parent]!; // the parent is gone too: stay with it (parents come first)
    } else if (anchor[j]! >= 0) {
      slots[j] = subtreeEnd[newIndexOf[anchor[j]!]!]!;
    } else {
      slots[j] = parent === undefined ? 0 : newIndexOf[parent]! + 1;
    }
  });
  return slots;
}
