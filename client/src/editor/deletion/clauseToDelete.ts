import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { STRUCTURAL_NODE_TYPES } from '@accord/shared';

export interface DeletableClause {
  clauseId: string;
  node: PMNode;
  pos: number;
}

/** Whether the document stays valid without the node at depth `depth` of the path. */
function removable(parent: PMNode, index: number): boolean {
  return parent.canReplace(index, index + 1);
}

/**
 * The clause a delete command removes: the one with `clauseId`, or else the innermost clause
 * around the selection that the document can do without (an article's only paragraph cannot go
 * alone, so the article is meant). Null when there is none.
 */
export function clauseToDelete(state: EditorState, clauseId?: string): DeletableClause | null {
  const $pos = clauseId ? findClausePos(state.doc, clauseId) : state.selection.$from;
  if (!$pos) return null;
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    const id = node.attrs.clauseId as unknown;
    if (!STRUCTURAL_NODE_TYPES.includes(node.type.name) || typeof id !== 'string' || !id) continue;
    if (clauseId && id !== clauseId) continue;
    if (removable($pos.node(depth - 1), $pos.index(depth - 1)))
      return { clauseId: id, node, pos: $pos.before(depth) };
    if (clauseId) return null;
  }
  return null;
}

/** A position just inside the clause `clauseId` (walking the structure only). */
function findClausePos(doc: PMNode, clauseId: string) {
  let inside: number | null = null;
  doc.descendants((node, pos) => {
    if (inside !== null) return false;
    if (node.attrs.clauseId === clauseId) {
      inside = pos + 1;
      return false;
    }
    return !node.isTextblock;
  });
  return inside === null ? null : doc.resolve(inside);
}
