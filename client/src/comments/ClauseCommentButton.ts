import type { EditorView } from '@tiptap/pm/view';
import { i18next } from '../i18n/i18n';
import { afterNextPaint } from '../scheduling/afterNextPaint';
import type { DocumentComments } from './DocumentComments';

/**
 * The clause comment button: floats in the margin next to the clause (or selection) the cursor is
 * in. Comments on the selection when there is one, else on the whole clause. Alt+Ctrl+M does the
 * same from the keyboard.
 */
export class ClauseCommentButton {
  private readonly button: HTMLButtonElement;
  private readonly unsubscribe: () => void;
  private cancel: (() => void) | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly comments: DocumentComments,
  ) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'comment-add-button';
    button.hidden = true;
    button.setAttribute('data-testid', 'comment-add-button');
    button.textContent = i18next.t('comments.addButton.short');
    button.setAttribute('aria-label', i18next.t('comments.addButton.selection'));
    // keep the editor's selection: the composer anchors to it
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => comments.openComposer());
    this.button = button;
    view.dom.parentElement?.appendChild(button);
    this.unsubscribe = comments.subscribe(() => this.update());
    this.update();
  }

  /**
   * Called by ProseMirror after every transaction: placing the button reads the layout and names
   * the clause, so it waits until the frame showing the change has been painted (once per frame)
   * instead of delaying that frame. The button follows the caret one frame later.
   */
  update(): void {
    this.cancel ??= afterNextPaint(() => {
      this.cancel = null;
      this.render();
    });
  }

  private render(): void {
    const { view, button } = this;
    if (view.isDestroyed) return;
    const canComment = this.comments.getState().viewer?.canComment ?? false;
    const selection = view.state.selection;
    const clause = canComment ? this.comments.clauseAtSelection() : null;
    // a read-only text never has the focus: a click in it still leaves the selection there
    const domSelection = document.getSelection();
    const selectedHere = !!domSelection?.anchorNode && view.dom.contains(domSelection.anchorNode);
    const visible =
      !!clause && (view.hasFocus() || selectedHere || !selection.empty || document.activeElement === button);
    if (!visible) {
      if (!button.hidden) button.hidden = true;
      return;
    }
    const label = selection.empty
      ? clause.label
        ? i18next.t('comments.addButton.clause', { clause: clause.label })
        : i18next.t('comments.addButton.clauseUnnumbered')
      : i18next.t('comments.addButton.selection');
    // write only what changed: typing re-runs this after every keystroke
    const text = i18next.t('comments.addButton.short');
    if (button.textContent !== text) button.textContent = text;
    const description = `${label} (${i18next.t('comments.shortcut')})`;
    if (button.getAttribute('aria-label') !== description) {
      button.setAttribute('aria-label', description);
      button.title = description;
    }
    const parent = view.dom.parentElement;
    if (!parent) return;
    let top = 0;
    try {
      top = view.coordsAtPos(selection.from).top - parent.getBoundingClientRect().top;
    } catch {
      top = 0;
    }
    const topPx = `${Math.max(0, top - 4)}px`;
    if (button.style.top !== topPx) button.style.top = topPx;
    if (button.hidden) button.hidden = false;
  }

  destroy(): void {
    this.cancel?.();
    this.unsubscribe();
    this.button.remove();
  }
}
