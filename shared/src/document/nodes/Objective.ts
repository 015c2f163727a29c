import { Node, mergeAttributes } from '@tiptap/core';

/** An objective of an action plan (numbered 1, 2, …): a heading, then actions and plain text. */
export const Objective = Node.create({
  name: 'objective',
  group: 'policyBlock',
  content: 'clauseHeading (action | paragraph)*',
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="objective"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'objective' }),
    0,
  ],
});
