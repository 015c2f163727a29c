import { Fragment } from '@tiptap/pm/model';
import { TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { ancestorDepth, clauseContext } from './clauseContext.js';

/**
 * Promote (Shift-Tab), the inverse of demote: a sub-point becomes a point after its parent
 * point; a point becomes a numbered paragraph after its numbered paragraph (or, directly in an
 * article or annex, turns into a numbered paragraph in place). As in outliners, the siblings that
 * followed it move along as its children, so the reading order never changes. Keeps the id.
 */
export const promoteClause: Command = (state, dispatch) => {
  const $ctx = clauseContext(state);
  const d = ancestorDepth($ctx, [NODE.point]);
  if (d < 2) return false;
  const point = $ctx.node(d);
  const from = $ctx.before(d);
  const parent = $ctx.node(d - 1);
  const numbered = state.schema.nodes[NODE.numberedParagraph]!;
  const offset = state.selection.from - from;

  if (parent.type.name === NODE.article || parent.type.name === NODE.annex) {
    if (dispatch) dispatch(state.tr.setNodeMarkup(from, numbered, point.attrs).scrollIntoView());
    return true;
  }
  if (parent.type.name !== NODE.point && parent.type.name !== NODE.numberedParagraph) return false;

  const index = $ctx.index(d - 1);
  const following: (typeof point)[] = [];
  for (let i = index + 1; i < parent.childCount; i++) following.push(parent.child(i));
  const newType = parent.type.name === NODE.point ? point.type : numbered;
  const promoted = newType.create(point.attrs, point.content.append(Fragment.fromArray(following)));
  const parentPos = $ctx.before(d - 1);
  const parentEnd = parentPos + parent.nodeSize;
  const $after = state.doc.resolve(parentEnd);
  if (!$after.parent.canReplaceWith($after.index(), $after.index(), newType)) return false;
  if (dispatch) {
    const tr = state.tr.delete(from, parentEnd - 1);
    const insertAt = tr.mapping.map(parentEnd);
    tr.insert(insertAt, promoted);
    tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + offset))).scrollIntoView();
    dispatch(tr);
  }
  return true;
};
