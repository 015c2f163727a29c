import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { isRemoteEdit, syncStateOf } from './remoteEdits';

/** Whether a Yjs type and every type around it are live (not in a deleted clause). */
function isLive(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return false;
  }
  return true;
}

/**
 * Keeps the caret where Yjs says it is when others' changes arrive: after the same character it
 * was after. The Yjs binding (y-tiptap) second-guesses that place whenever the caret's paragraph
 * changed (it then keeps the caret at the same offset in the paragraph), so text someone else
 * added before the caret (or the server carried there after a move) pushed the caret back into
 * the words this person had just typed, and their next keystrokes landed among them.
 * Only a caret right after a character this person typed, still there, is placed: a caret in a
 * clause that was moved or split away, or an idle caret where someone else types, is left to
 * FollowMovedClause and CaretStaysWithText.
 */
export const CaretKeepsItsPlace = Extension.create({
  name: 'caretKeepsItsPlace',

  addProseMirrorPlugins() {
    // this editor's caret as a Yjs position, after the last change it saw
    const last: { caret: Y.RelativePosition | null } = { caret: null };
    return [
      new Plugin({
        key: new PluginKey('caretKeepsItsPlace'),
        view: () => ({
          update: (view) => {
            const sync = syncStateOf(view.state);
            last.caret = null;
            if (!sync?.binding || !view.state.selection.empty) return;
            try {
              last.caret = absolutePositionToRelativePosition(
                view.state.selection.head,
                sync.type,
                sync.binding.mapping as never,
              );
            } catch {
              last.caret = null;
            }
          },
        }),
        appendTransaction(transactions, _oldState, newState) {
          const changing = transactions.filter((tr) => tr.docChanged);
          if (changing.length === 0 || !changing.every(isRemoteEdit)) return null;
          const caret = last.caret;
          const sync = syncStateOf(newState);
          if (!caret || !sync?.binding || !newState.selection.empty) return null;
          // the character before the caret is still there
          const at = Y.createAbsolutePositionFromRelativePosition(caret, sync.doc);
          if (!at || !isLive(at.type)) return null;
          // only a caret right after this person's own typing: an idle caret where someone else
          // types is CaretStaysWithText's (it goes after their words)
          if (caret.item?.client !== sync.doc.clientID) return null;
          const left = Y.getItem(sync.doc.store, caret.item);
          if (!(left instanceof Y.Item) || left.deleted) return null;
          const pos = relativePositionToAbsolutePosition(
            sync.doc,
            sync.type,
            caret,
            sync.binding.mapping as never,
          );
          if (pos === null || pos === newState.selection.head || pos > newState.doc.content.size) return null;
          if (!newState.doc.resolve(pos).parent.isTextblock) return null;
          return newState.tr
            .setSelection(TextSelection.create(newState.doc, pos))
            .setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
