import { Node, mergeAttributes } from '@tiptap/core';

/** An annex (Annex I, II, …): a heading, then numbered paragraphs, points and plain text. */
export const Annex = Node.create({
  name: 'annex',
  group: 'policyBlock',
  content: 'clauseHeading (numberedParagraph | paragraph | point)*',
  isolating: true,
  parseHTML: () => [{ tag: 'section[data-type="annex"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'annex' }),
    0,
  ],
});
