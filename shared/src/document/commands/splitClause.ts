import { canSplit } from '@tiptap/pm/transform';
import { TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { promoteClause } from './promoteClause.js';

/**
 * Enter inside the text of a numbered paragraph or point: splits the whole clause, so the text
 * after the cursor (and any points below it) becomes the next paragraph / point, like a list
 * item. The new, second clause gets no id here (clauseId: null) and receives a fresh one from
 * the ClauseIds plugin; the first keeps the original — also when splitting at the very start,
 * where the empty first half keeps it (accepted: "first in document order keeps the id").
 * Enter in an empty point promotes it, as Enter on an empty list item does.
 */
export const splitClause: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  const d = $from.depth;
  if (d < 2 || !$from.sameParent($to) || $from.parent.type.name !== NODE.paragraph) return false;
  const container = $from.node(d - 1);
  const kind = container.type.name;
  if ((kind !== NODE.point && kind !== NODE.numberedParagraph) || $from.index(d - 1) !== 0) return false;
  if ($from.parent.content.size === 0 && container.childCount === 1) {
    return kind === NODE.point ? promoteClause(state, dispatch) : false;
  }
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const pos = tr.selection.from;
  const typesAfter = [
    { type: container.type, attrs: { ...container.attrs, clauseId: null } },
    { type: state.schema.nodes[NODE.paragraph]! },
  ];
  if (!canSplit(tr.doc, pos, 2, typesAfter)) return false;
  if (dispatch) {
    tr.split(pos, 2, typesAfter);
    tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.map(pos, 1)))).scrollIntoView();
    dispatch(tr);
  }
  return true;
};
