import { Extension } from '@tiptap/core';
import { dropCursor } from '@tiptap/pm/dropcursor';
import { gapCursor } from '@tiptap/pm/gapcursor';

// The drop and gap cursors as Tiptap's own extensions make them (same names and options), defined
// here because their package (@tiptap/extensions) cannot be split: importing two extensions from
// it put all of its others, and ProseMirror's history, in the editor's bundle. No policy node
// overrides where a gap cursor may go, so none is declared in the schema.

/** Shows where dragged content will land. */
export const Dropcursor = Extension.create({
  name: 'dropCursor',
  addOptions() {
    return { color: 'currentColor', width: 1, class: undefined as string | undefined };
  },
  addProseMirrorPlugins() {
    return [dropCursor(this.options)];
  },
});

/** Lets the caret stop between blocks where text cannot go (before a clause at the start, …). */
export const Gapcursor = Extension.create({
  name: 'gapCursor',
  addProseMirrorPlugins() {
    return [gapCursor()];
  },
});
