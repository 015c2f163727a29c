import { Node, mergeAttributes } from '@tiptap/core';

/**
 * A lettered point ("a)", "b)"), nestable: points inside a point are sub-points ("i)", "ii)").
 * Same shape as a numbered paragraph: its text first, then sub-points and plain paragraphs.
 */
export const Point = Node.create({
  name: 'point',
  content: 'paragraph (point | paragraph)*',
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="point"]' }],
  renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'point' }), 0],
});
