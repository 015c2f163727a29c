import { Selection, type Command } from '@tiptap/pm/state';
import { clauseToDelete } from './clauseToDelete';

/**
 * Removes a clause with everything in it (the one with `clauseId`, or the innermost one around
 * the selection; see clauseToDelete) and puts the caret at the end of what came before it.
 * Numbers follow, as they are computed.
 */
export function deleteClause(clauseId?: string): Command {
  return (state, dispatch) => {
    const found = clauseToDelete(state, clauseId);
    if (!found) return false;
    if (dispatch) {
      const tr = state.tr.delete(found.pos, found.pos + found.node.nodeSize);
      const at = Math.min(found.pos, tr.doc.content.size);
      tr.setSelection(Selection.near(tr.doc.resolve(at), -1)).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}

/**
 * Backspace at the start of a clause that holds no text at all removes the clause (an empty
 * "Article 5 (no heading)" with its empty "1." goes in one keystroke, as an empty line would).
 */
export const deleteEmptyClause: Command = (state, dispatch) => {
  const { selection } = state;
  if (!selection.empty || selection.$from.parentOffset !== 0) return false;
  const found = clauseToDelete(state);
  if (!found || found.node.textContent.length > 0) return false;
  return deleteClause(found.clauseId)(state, dispatch);
};
