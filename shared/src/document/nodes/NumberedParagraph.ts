import { Node, mergeAttributes } from '@tiptap/core';

/**
 * A numbered paragraph of an article or annex ("1.", "2."): its text (the first, plain
 * paragraph), then points and further plain paragraphs (the closing words after the points).
 * Shaped like a list item so ProseMirror's split/join behave as users expect.
 */
export const NumberedParagraph = Node.create({
  name: 'numberedParagraph',
  content: 'paragraph (point | paragraph)*',
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="numbered-paragraph"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes(HTMLAttributes, { 'data-type': 'numbered-paragraph' }),
    0,
  ],
});
