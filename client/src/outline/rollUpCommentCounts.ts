import type { ClauseCommentCounts } from '@accord/shared';
import type { TreeNode } from './buildTree';

/**
 * Open comment threads per clause the outline lists: threads on clauses it does not list
 * (paragraphs, points) count on the nearest listed clause around them (`parentOf`).
 */
export function rollUpCommentCounts(
  counts: Readonly<Record<string, ClauseCommentCounts>>,
  listed: ReadonlySet<string>,
  parentOf: (clauseId: string) => string | null | undefined,
): Record<string, number> {
  const rolled: Record<string, number> = {};
  for (const [clauseId, { open }] of Object.entries(counts)) {
    let at: string | null | undefined = clauseId;
    while (at && !listed.has(at)) at = parentOf(at);
    if (at && open > 0) rolled[at] = (rolled[at] ?? 0) + open;
  }
  return rolled;
}

/** Open comment threads on a clause and everything inside it (a chapter counts its articles'). */
export function openThreadsIn(node: TreeNode, counts: Readonly<Record<string, number>>): number {
  let total = counts[node.entry.clauseId] ?? 0;
  for (const child of node.children) total += openThreadsIn(child, counts);
  return total;
}
