import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { DocumentLanguage } from '../../documentKinds.js';
import { isTextOnlyChange } from './isTextOnlyChange.js';
import { numberingForDoc, type DocNumbering } from './numberingForDoc.js';

export interface NumberingState extends DocNumbering {
  language: DocumentLanguage;
}

export interface NumberingOptions {
  language: DocumentLanguage;
}

export const numberingPluginKey = new PluginKey<NumberingState>('accordNumbering');

/** Current live numbering of an editor state (for an outline panel): clauseId → number. */
export function getNumbering(state: EditorState): NumberingState | undefined {
  return numberingPluginKey.getState(state);
}

/**
 * Shows clause numbers live in the editor as node decorations computed by the same function
 * the server uses (numberClauses). Switch the language at run time with
 * `tr.setMeta(numberingPluginKey, { language: 'fr' })`.
 */
export const Numbering = Extension.create<NumberingOptions>({
  name: 'numbering',

  addOptions() {
    return { language: 'en' };
  },

  addProseMirrorPlugins() {
    return [numberingPlugin(this.options.language)];
  },
});

/** The numbering plugin alone (a bare EditorState needs no Tiptap editor to use it). */
export function numberingPlugin(initialLanguage: DocumentLanguage): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingPluginKey,
    state: {
      init: (_config, state) => ({
        language: initialLanguage,
        ...numberingForDoc(state.doc, initialLanguage),
      }),
      apply: (tr, previous) => {
        const meta = tr.getMeta(numberingPluginKey) as { language?: DocumentLanguage } | undefined;
        const language = meta?.language ?? previous.language;
        if (!tr.docChanged && language === previous.language) return previous;
        if (language === previous.language && isTextOnlyChange(tr)) {
          return { ...previous, decorations: previous.decorations.map(tr.mapping, tr.doc) };
        }
        return { language, ...numberingForDoc(tr.doc, language) };
      },
    },
    props: {
      decorations: (state) => numberingPluginKey.getState(state)?.decorations,
    },
  });
}
