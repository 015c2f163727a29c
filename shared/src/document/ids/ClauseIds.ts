import { Extension } from '@tiptap/core';
import { STRUCTURAL_NODE_TYPES } from '../clauseKinds.js';
import { clauseIdsPlugin } from './clauseIdsPlugin.js';

/**
 * Gives every structural node a `clauseId` and keeps ids unique.
 *
 * - The attribute has `keepOnSplit: false`, so Tiptap's split commands (Enter) leave the new,
 *   second half without an id; the plugin then gives it a fresh one. The half the cursor was in
 *   when splitting at its very start is the first in document order, so it keeps the id — comments
 *   stay on the text that was there before, except in that one case (accepted; see README).
 * - The id is never parsed from HTML: pasted clauses (copy/paste, also cut/paste) get new ids,
 *   so a paste can never steal the id of the clause it was copied from. Drag-and-drop inside the
 *   editor moves the node itself and keeps its id.
 * - After every document change, an appendTransaction assigns missing ids and re-assigns
 *   duplicates (first occurrence keeps; see planClauseIdFixes). Duplicates arriving through Yjs
 *   from concurrent edits get deterministic ids, so every client computes the same repair.
 */
export const ClauseIds = Extension.create({
  name: 'clauseIds',

  addGlobalAttributes() {
    return [
      {
        types: [...STRUCTURAL_NODE_TYPES],
        attributes: {
          clauseId: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: (attributes) =>
              attributes.clauseId ? { 'data-clause-id': attributes.clauseId } : {},
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [clauseIdsPlugin()];
  },
});
