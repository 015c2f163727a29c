import { TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { ancestorDepth, clauseContext } from './clauseContext.js';

/**
 * Demote (Tab): a numbered paragraph becomes the last point of the numbered paragraph before it;
 * a point becomes the last sub-point of the point before it. The clause keeps its id and its own
 * points (they become one level deeper with it). False when there is no previous sibling to go
 * into, so Tab can fall through.
 */
export const demoteClause: Command = (state, dispatch) => {
  const $ctx = clauseContext(state);
  const d = ancestorDepth($ctx, [NODE.numberedParagraph, NODE.point]);
  if (d < 1) return false;
  const node = $ctx.node(d);
  const parent = $ctx.node(d - 1);
  const index = $ctx.index(d - 1);
  const previous = index > 0 ? parent.child(index - 1) : null;
  if (!previous || previous.type !== node.type) return false;
  const pointType = state.schema.nodes[NODE.point]!;
  const demoted = pointType.create(node.attrs, node.content);
  if (!previous.type.validContent(previous.content.addToEnd(demoted))) return false;
  if (dispatch) {
    const from = $ctx.before(d);
    const previousEnd = from - 1; // end of the previous sibling's content
    const offset = state.selection.from - from;
    const tr = state.tr.delete(from, from + node.nodeSize).insert(previousEnd, demoted);
    tr.setSelection(TextSelection.near(tr.doc.resolve(previousEnd + offset))).scrollIntoView();
    dispatch(tr);
  }
  return true;
};
