import { TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Brings the browser's selection into the editor state before a transaction that only changes
 * decorations. A click places the caret in the DOM at once, but ProseMirror reads it on the
 * following "selectionchange" event, which Chrome may deliver after the click's handlers have
 * run; a transaction dispatched in between writes the state's older selection back into the DOM
 * (issue 12, bug 2: the caret jumped to the start of the title).
 */
export function takeDomSelection(view: EditorView): void {
  if (view.isDestroyed || view.composing || !view.hasFocus()) return;
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return;
  }
  const { selection, doc } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  if (!(selection instanceof TextSelection)) return;
  const next = TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  view.dispatch(view.state.tr.setSelection(next).setMeta('addToHistory', false));
}
