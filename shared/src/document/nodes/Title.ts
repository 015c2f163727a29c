import { Node, mergeAttributes } from '@tiptap/core';

/** The document title: one line of text (no hard breaks), first in every document. */
export const Title = Node.create({
  name: 'title',
  content: 'text*',
  defining: true,
  parseHTML: () => [{ tag: 'h1[data-type="title"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['h1', mergeAttributes(HTMLAttributes, { 'data-type': 'title' }), 0],
});
