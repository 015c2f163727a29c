import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { isTextOnlyChange } from '../numbering/isTextOnlyChange.js';
import { planClauseIdFixes } from './planClauseIdFixes.js';
import { structuralNodesInDoc } from './structuralNodesInDoc.js';

export const clauseIdsPluginKey = new PluginKey('accordClauseIds');

/** A change the Yjs binding applied from another editor (y-prosemirror's `y-sync$` meta). */
function isRemoteChange(tr: Transaction): boolean {
  return (tr.getMeta('y-sync$') as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/**
 * After every document change, assigns missing clause ids and re-assigns duplicates (first
 * occurrence in document order keeps; see planClauseIdFixes). A plain ProseMirror plugin so it
 * also runs on a bare EditorState (tests, server-side transforms).
 */
export function clauseIdsPlugin(): Plugin {
  return new Plugin({
    key: clauseIdsPluginKey,
    appendTransaction: (transactions, _oldState, newState) => {
      // typing cannot create or duplicate a clause: skip the walk on every keystroke
      if (transactions.every((tr) => !tr.docChanged || isTextOnlyChange(tr))) return null;
      // what arrives from others is the server's to repair: two people moving one clause at once
      // briefly leave two copies, which the server folds into one (renaming one here would make
      // a second clause of it)
      if (transactions.every((tr) => !tr.docChanged || isRemoteChange(tr))) return null;
      const nodes = structuralNodesInDoc(newState.doc);
      const fixes = planClauseIdFixes(nodes.map(({ node }) => ({ id: node.attrs.clauseId })));
      if (fixes.length === 0) return null;
      const tr = newState.tr;
      for (const fix of fixes) tr.setNodeAttribute(nodes[fix.index]!.pos, 'clauseId', fix.newId);
      // No addToHistory:false here: y-prosemirror reads that flag from the LAST transaction of an
      // update, so it would also drop the user's own edit (the Enter that split a point) from undo.
      return tr;
    },
  });
}
