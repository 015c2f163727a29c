import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The preamble: recitals ("Recognizing that …") and plain paragraphs for the opening and
 * closing formulas ("The Parties to this Agreement,", "Have agreed as follows:").
 */
export const Preamble = Node.create({
  name: 'preamble',
  content: '(recital | paragraph)+',
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="preamble"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'preamble' }),
    0,
  ],
});
