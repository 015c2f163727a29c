import type { Editor } from '@tiptap/core';
import { afterNextPaint } from '../scheduling/afterNextPaint';
import { outlineEntries, sameOutline, type OutlineModel } from './outlineEntries';

export interface OutlineStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): OutlineModel;
}

/**
 * The live outline of an editor, for useSyncExternalStore; the session's EditorSlot makes one per
 * editor. Recomputed at most once per frame,
 * just after the frame that shows an edit has been painted (a keystroke reaches the screen
 * before anyone looks at the outline), and announced only when something visible changed:
 * typing in a clause body never re-renders the outline.
 */
export function createOutlineStore(editor: Editor): OutlineStore {
  let model = outlineEntries(editor.state);
  const listeners = new Set<() => void>();
  let cancel: (() => void) | null = null;
  const refresh = () => {
    cancel = null;
    if (editor.isDestroyed) return;
    const next = outlineEntries(editor.state);
    if (sameOutline(model, next)) return;
    model = next;
    listeners.forEach((listener) => listener());
  };
  const schedule = () => {
    cancel ??= afterNextPaint(refresh);
  };
  const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (transaction.docChanged) schedule();
  };
  const store: OutlineStore = {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        editor.on('transaction', onTransaction);
        // changes made while nobody listened
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        editor.off('transaction', onTransaction);
        cancel?.();
        cancel = null;
      };
    },
    getSnapshot: () => model,
  };
  return store;
}
