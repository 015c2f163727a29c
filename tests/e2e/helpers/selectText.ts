import type { Page } from 'playwright-core';

/**
 * Selects `text` (its first occurrence in the editor) with the DOM selection, like a mouse drag;
 * `focus` also focuses the editor first. ProseMirror reads the DOM selection on selectionchange.
 */
export async function selectText(page: Page, text: string, { focus = false } = {}): Promise<void> {
  await page.evaluate(
    ({ text, focus }) => {
      const editor = document.querySelector('.ProseMirror') as HTMLElement;
      if (focus) editor.focus();
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, focus },
  );
  await page.waitForTimeout(150);
}
