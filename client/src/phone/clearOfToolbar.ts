import type { Editor } from '@tiptap/core';
import { findClause } from '../outline/findClause';

const GAP = 8;

/**
 * After the outline scrolled a clause to the top of the screen: on a phone the editor's sticky
 * toolbar is several rows tall and would cover it, so the page scrolls back by what it covers.
 */
export function clearOfToolbar(editor: Editor, clauseId: string): void {
  const found = findClause(editor.state.doc, clauseId);
  const dom = found ? editor.view.nodeDOM(found.pos) : null;
  const toolbar = editor.view.dom.closest('.doc-page__editor')?.querySelector('.toolbar');
  if (!(dom instanceof HTMLElement) || !toolbar) return;
  const covered = toolbar.getBoundingClientRect().bottom - dom.getBoundingClientRect().top;
  if (covered > 0) window.scrollBy(0, -(covered + GAP));
}
