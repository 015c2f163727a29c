import { Node, mergeAttributes } from '@tiptap/core';

/**
 * An article (numbered 1, 2, … across the whole document, through chapters): an optional
 * heading, then its body: numbered paragraphs, plain (unnumbered) paragraphs — a one-paragraph
 * article or the lead-in "For the purposes of this Agreement:" — and points directly under the
 * article (a definitions list).
 */
export const Article = Node.create({
  name: 'article',
  group: 'policyBlock',
  content: 'clauseHeading? (numberedParagraph | paragraph | point)+',
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="article"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'article' }),
    0,
  ],
});
