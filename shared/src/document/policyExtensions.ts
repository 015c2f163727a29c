import type { Extensions } from '@tiptap/core';
import { Bold } from '@tiptap/extension-bold';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Italic } from '@tiptap/extension-italic';
import { Link } from '@tiptap/extension-link';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Text } from '@tiptap/extension-text';
import { Dropcursor, Gapcursor } from './cursors.js';
import type { DocumentLanguage } from '../documentKinds.js';
import { PolicyCommands } from './commands/PolicyCommands.js';
import { ClauseIds } from './ids/ClauseIds.js';
import { StructuredPaste } from './import/StructuredPaste.js';
import { isAllowedLinkHref } from './isAllowedLinkHref.js';
import { policyNodes } from './nodes/policyNodes.js';
import { Bracketed } from './marks/Bracketed.js';
import { Numbering } from './numbering/Numbering.js';

export interface PolicyExtensionsOptions {
  /** Language of the clause labels shown in the editor (Article / Artículo / Artigo / Article). */
  language?: DocumentLanguage;
}

/**
 * The editor's extension list; policySchema is built from the same list, so the editor and the
 * server can never disagree about the schema. Add Collaboration/CollaborationCaret in the client.
 *
 * Of Tiptap's basic extensions we use only text, paragraph, hard break, bold, italic, link and the
 * drop/gap cursors, imported one by one (StarterKit, which we used before, brings all the others
 * into the editor's bundle even when they are turned off: lists, code blocks, headings, history…;
 * the order below is StarterKit's, so the schema is the same). Not used: undo/redo (Yjs provides
 * undo; two histories would fight), free headings, lists, blockquotes, code, rules (structure comes
 * from policy nodes, not formatting), strike and underline (not in the house style), and the
 * trailing-node plugin (every client would append its own trailing paragraph concurrently).
 */
export function policyExtensions(options: PolicyExtensionsOptions = {}): Extensions {
  return [
    Bold,
    Dropcursor,
    Gapcursor,
    HardBreak,
    Italic,
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedLinkHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    Paragraph,
    Text,
    ...policyNodes,
    Bracketed,
    ClauseIds,
    Numbering.configure({ language: options.language ?? 'en' }),
    PolicyCommands,
    StructuredPaste,
  ];
}
