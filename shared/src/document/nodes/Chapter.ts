import { Node, mergeAttributes } from '@tiptap/core';

/**
 * A chapter (numbered I, II, … across the document): a heading, then articles. Plain paragraphs
 * are allowed for introductory text. Articles are optional (`*`): two people deleting the last
 * two articles concurrently must not leave an invalid chapter.
 */
export const Chapter = Node.create({
  name: 'chapter',
  group: 'policyBlock',
  content: 'clauseHeading (article | paragraph)*',
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="chapter"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'chapter' }),
    0,
  ],
});
