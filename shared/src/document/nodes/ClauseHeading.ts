import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The heading line of a chapter, article, objective, action or annex ("Purpose",
 * "Definitions"). One node type for all of them, always the first child of its clause, so
 * renderers find a clause's heading the same way everywhere. One line: text only, no breaks.
 */
export const ClauseHeading = Node.create({
  name: 'clauseHeading',
  content: 'text*',
  defining: true,
  parseHTML: () => [{ tag: '[data-type="clause-heading"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'h3',
    mergeAttributes(HTMLAttributes, { 'data-type': 'clause-heading' }),
    0,
  ],
});
