import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';

type Listener = (editor: Editor | null) => void;

const editors = new WeakMap<Y.Doc, Editor>();
const listeners = new WeakMap<Y.Doc, Set<Listener>>();

function notify(ydoc: Y.Doc) {
  const editor = editors.get(ydoc) ?? null;
  listeners.get(ydoc)?.forEach((listener) => listener(editor));
}

/**
 * The live editor of each collaboration session's Y.Doc, so panels outside the editor (the
 * outline) read its state without the editor component handing it over. Filled by the
 * PublishEditor extension when an editor is created and emptied when it is destroyed.
 */
export const editorRegistry = {
  register(ydoc: Y.Doc, editor: Editor) {
    editors.set(ydoc, editor);
    notify(ydoc);
  },
  unregister(ydoc: Y.Doc, editor: Editor) {
    // React may create the next editor before destroying the previous one
    if (editors.get(ydoc) !== editor) return;
    editors.delete(ydoc);
    notify(ydoc);
  },
  get(ydoc: Y.Doc): Editor | null {
    return editors.get(ydoc) ?? null;
  },
  subscribe(ydoc: Y.Doc, listener: Listener): () => void {
    let set = listeners.get(ydoc);
    if (!set) listeners.set(ydoc, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
};
