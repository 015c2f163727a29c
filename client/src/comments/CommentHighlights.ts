import { Extension } from '@tiptap/core';
import type { DocumentComments } from './DocumentComments';
import { highlightsPlugin } from './highlightsPlugin';

export interface CommentHighlightsOptions {
  comments: DocumentComments | null;
}

/** Registers the highlights and the clause comment button of the session's comments. */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',
  addOptions: () => ({ comments: null }),
  addProseMirrorPlugins() {
    return this.options.comments ? [highlightsPlugin(this.options.comments)] : [];
  },
});
