import type { Node as PMNode } from '@tiptap/pm/model';
import { NodeSelection, type Command } from '@tiptap/pm/state';
import { structuralNodesInDoc } from '../ids/structuralNodesInDoc.js';

export type MovePlacement = 'before' | 'after' | 'inside';

function findClause(doc: PMNode, clauseId: string): { node: PMNode; pos: number } | undefined {
  return structuralNodesInDoc(doc).find(({ node }) => node.attrs.clauseId === clauseId);
}

/**
 * Moves the clause `clauseId` (with everything in it, ids kept) before or after the clause
 * `targetId`, or to the end of it (`inside`: an article dropped on a chapter). For the outline's
 * drag and drop. False when the result would not fit the schema (an article dropped into a
 * point) or when the target is inside the moved clause. Leaves the moved clause selected.
 */
export function moveClauseTo(clauseId: string, targetId: string, placement: MovePlacement): Command {
  return (state, dispatch) => {
    if (clauseId === targetId) return false;
    const moved = findClause(state.doc, clauseId);
    const target = findClause(state.doc, targetId);
    if (!moved || !target) return false;
    const from = moved.pos;
    const to = from + moved.node.nodeSize;
    if (target.pos > from && target.pos < to) return false;
    const at =
      placement === 'before'
        ? target.pos
        : placement === 'after'
          ? target.pos + target.node.nodeSize
          : target.pos + target.node.nodeSize - 1;
    const tr = state.tr.delete(from, to);
    const insertAt = tr.mapping.map(at, placement === 'before' ? 1 : -1);
    const $insert = tr.doc.resolve(insertAt);
    if (!$insert.parent.canReplaceWith($insert.index(), $insert.index(), moved.node.type)) return false;
    if (dispatch) {
      tr.insert(insertAt, moved.node);
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, insertAt)).scrollIntoView());
    }
    return true;
  };
}
