import type { Node as PMNode } from '@tiptap/pm/model';

/** Position and node of the clause `clauseId` in `doc`, walking the structure only. */
export function findClause(doc: PMNode, clauseId: string): { node: PMNode; pos: number } | null {
  let found: { node: PMNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.clauseId === clauseId) {
      found = { node, pos };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}
