import { Node } from '@tiptap/core';

/**
 * The top node. One content expression holds both an agreement (preamble, chapters, articles,
 * final provisions, annexes) and an action plan (objectives with actions): the document kind
 * is data on the document record, not a different schema, so a document can change kind and the
 * server validates every kind with one schema.
 *
 * Body blocks may come in any order and number on purpose: two people editing concurrently
 * (one adds an article at the end, the other an annex) must merge into a valid document, since
 * content that fails the schema cannot be edited around in ProseMirror. Only the title (exactly
 * one, first) and the preamble (at most one, second) are fixed; they are created by templates,
 * never inserted by editing commands, so concurrent edits cannot duplicate them.
 */
export const PolicyDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'title preamble? (policyBlock | paragraph)*',
});
