import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { editorRegistry } from './editorRegistry';

const nothing = () => () => {};

/** The editor currently bound to `ydoc` (null until the editor component has created it). */
export function useSessionEditor(ydoc: Y.Doc | null): Editor | null {
  const subscribe = useCallback(
    (listener: () => void) => (ydoc ? editorRegistry.subscribe(ydoc, listener) : nothing()),
    [ydoc],
  );
  return useSyncExternalStore(subscribe, () => (ydoc ? editorRegistry.get(ydoc) : null));
}
