import { Extension } from '@tiptap/core';
import type * as Y from 'yjs';
import { editorRegistry } from './editorRegistry';

/** Publishes the editor bound to `ydoc` in editorRegistry for as long as it lives. */
export const PublishEditor = Extension.create<{ ydoc: Y.Doc | null }>({
  name: 'publishEditor',
  addOptions: () => ({ ydoc: null }),
  onCreate() {
    if (this.options.ydoc) editorRegistry.register(this.options.ydoc, this.editor);
  },
  onDestroy() {
    if (this.options.ydoc) editorRegistry.unregister(this.options.ydoc, this.editor);
  },
});
