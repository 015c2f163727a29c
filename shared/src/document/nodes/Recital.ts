import { Node, mergeAttributes } from '@tiptap/core';

/** One recital of the preamble: a paragraph-like textblock with its own clauseId. */
export const Recital = Node.create({
  name: 'recital',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'p[data-type="recital"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'recital' }), 0],
});
