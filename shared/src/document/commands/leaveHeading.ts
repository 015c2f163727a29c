import { Selection, TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { insertClause } from './insertClause.js';

// What Enter at the end of a heading creates when nothing follows it yet.
const FIRST_CHILD: Record<string, Parameters<typeof insertClause>[0]> = {
  [NODE.chapter]: 'article',
  [NODE.objective]: 'action',
  [NODE.annex]: 'paragraph',
};

/**
 * Enter in a title or clause heading (one-line nodes that must not split): moves the cursor to
 * the start of the text that follows, creating the natural first child when there is none.
 */
export const leaveHeading: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const name = $from.parent.type.name;
  if (name !== NODE.clauseHeading && name !== NODE.title) return false;
  const after = $from.after();
  const next = Selection.findFrom(state.doc.resolve(after), 1, true);
  const owner = $from.depth >= 2 ? $from.node(-1) : null;
  const isLast = owner ? $from.index(-1) === owner.childCount - 1 : false;
  if (owner && isLast) {
    const kind = FIRST_CHILD[owner.type.name];
    if (kind) return insertClause(kind)(state, dispatch);
    if (owner.type.name === NODE.action) {
      if (dispatch) {
        const tr = state.tr.insert(after, state.schema.nodes[NODE.paragraph]!.create());
        dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
      }
      return true;
    }
  }
  if (!next) return false;
  if (dispatch) dispatch(state.tr.setSelection(next).scrollIntoView());
  return true;
};
