import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { findClause } from './findClause';

/**
 * Scrolls the clause `clauseId` to the top of the editor's viewport and puts the caret at the
 * end of its heading (or at its first text), so the next keystroke edits it.
 */
export function focusClause(editor: Editor, clauseId: string): boolean {
  const found = findClause(editor.state.doc, clauseId);
  if (!found) return false;
  const { view } = editor;
  const inside = Math.min(found.pos + 1, editor.state.doc.content.size);
  const heading = found.node.firstChild;
  const caret = heading && heading.isTextblock ? found.pos + 1 + heading.nodeSize - 1 : inside;
  const selection = TextSelection.near(editor.state.doc.resolve(caret));
  view.dispatch(editor.state.tr.setSelection(selection));
  const dom = view.nodeDOM(found.pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'auto' });
  view.focus();
  return true;
}
