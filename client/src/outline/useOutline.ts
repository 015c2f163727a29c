import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { OutlineModel } from './outlineEntries';
import { outlineStore } from './outlineStore';

const nothing = () => () => {};

/** The live outline of `editor` (see outlineStore), or null while there is no editor. */
export function useOutline(editor: Editor | null): OutlineModel | null {
  const usable = editor && !editor.isDestroyed ? editor : null;
  const subscribe = useCallback(
    (listener: () => void) => (usable ? outlineStore(usable).subscribe(listener) : nothing()),
    [usable],
  );
  return useSyncExternalStore(subscribe, () => (usable ? outlineStore(usable).getSnapshot() : null));
}
