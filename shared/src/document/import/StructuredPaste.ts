import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { structuredPasteSlice } from './structuredPasteSlice.js';

/**
 * Pasting text from Word, Google Docs or a PDF that contains "Article 5 — Title" / "Artículo 5"
 * / "Chapter II" lines inserts articles, chapters, numbered paragraphs and points instead of flat
 * paragraphs (the clipboard's plain-text flavour is used then; inline formatting beyond Markdown
 * emphasis is not kept). Anything else pastes normally. Pasted clauses always get new ids.
 */
export const StructuredPaste = Extension.create({
  name: 'structuredPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('accordStructuredPaste'),
        props: {
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData('text/plain');
            if (!text) return false;
            const slice = structuredPasteSlice(text, view.state.schema);
            if (!slice) return false;
            view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
