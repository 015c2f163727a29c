import type { Editor } from '@tiptap/core';
import { createOutlineStore, type OutlineStore } from '../outline/outlineStore';

/**
 * The live editor of a collaboration session and the outline store that follows it, so panels
 * outside the editor (the outline) read its state without the editor component handing it over.
 * Set by the editor component.
 */
export class EditorSlot {
  private editor: Editor | null = null;
  private outlineStore: OutlineStore | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): Editor | null => this.editor;

  /** The outline of the editor in the slot (null while there is none). */
  outline = (): OutlineStore | null => this.outlineStore;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Puts `editor` in the slot; the returned function empties it again (if it still holds it). */
  set(editor: Editor): () => void {
    this.change(editor);
    // React may create the next editor before releasing the previous one
    return () => {
      if (this.editor === editor) this.change(null);
    };
  }

  private change(editor: Editor | null): void {
    this.editor = editor;
    this.outlineStore = editor ? createOutlineStore(editor) : null;
    for (const listener of this.listeners) listener();
  }
}
