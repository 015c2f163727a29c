import type { OutlineEntry } from './outlineEntries';

export interface TreeNode {
  entry: OutlineEntry;
  children: TreeNode[];
}

/** The outline's entries (in document order, parents first) as a tree. */
export function buildTree(entries: readonly OutlineEntry[]): TreeNode[] {
  const roots: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  for (const entry of entries) {
    const node: TreeNode = { entry, children: [] };
    byId.set(entry.clauseId, node);
    const parent = entry.parentId ? byId.get(entry.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
