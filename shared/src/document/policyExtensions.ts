import type { Extensions } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
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
 * From StarterKit we keep only text, paragraph, hard break, bold, italic, link and the drop/gap
 * cursors. Disabled: undo/redo (Yjs provides undo; two histories would fight), free headings,
 * lists, blockquotes, code, rules (structure comes from policy nodes, not formatting), strike and
 * underline (not in the house style), and the trailing-node plugin (every client would append
 * its own trailing paragraph concurrently).
 */
export function policyExtensions(options: PolicyExtensionsOptions = {}): Extensions {
  return [
    StarterKit.configure({
      document: false,
      undoRedo: false,
      heading: false,
      codeBlock: false,
      code: false,
      blockquote: false,
      bulletList: false,
      orderedList: false,
      listItem: false,
      listKeymap: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedLinkHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    ...policyNodes,
    Bracketed,
    ClauseIds,
    Numbering.configure({ language: options.language ?? 'en' }),
    PolicyCommands,
    StructuredPaste,
  ];
}
