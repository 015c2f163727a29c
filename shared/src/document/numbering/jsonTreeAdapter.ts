import type { JSONContent } from '@tiptap/core';
import { NODE } from '../nodeNames.js';
import type { ClauseTreeAdapter } from './numberClauses.js';

// Inline content cannot hold clauses; not descending into it keeps the walk small.
const TEXTBLOCKS = new Set<string>([NODE.paragraph, NODE.title, NODE.recital, NODE.clauseHeading]);

/** Reads ProseMirror JSON (as stored or as produced by fragmentToJson) for numberClauses. */
export const jsonTreeAdapter: ClauseTreeAdapter<JSONContent> = {
  type: (node) => node.type,
  clauseId: (node) => node.attrs?.clauseId,
  children: (node) =>
    node.type && TEXTBLOCKS.has(node.type)
      ? []
      : (node.content ?? []).filter(
          (child): child is JSONContent => !!child && typeof child === 'object' && child.type !== NODE.text,
        ),
};
