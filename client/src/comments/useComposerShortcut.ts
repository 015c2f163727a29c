import { useEffect } from 'react';

/** Alt+Ctrl+M (⌥⌘M on a Mac): comment on the selection, or on the clause at the cursor. */
function isComposerShortcut(event: KeyboardEvent): boolean {
  return event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM';
}

/** Calls `open` on the composer shortcut, anywhere on the page, while `enabled`. */
export function useComposerShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isComposerShortcut(event)) return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, open]);
}
