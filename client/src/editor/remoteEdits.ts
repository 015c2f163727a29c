import type { EditorState, Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** The Yjs binding's state, as far as the caret plugins read it. */
export type SyncState =
  { type: Y.XmlFragment; doc: Y.Doc; binding: { mapping: Map<unknown, unknown> } | null } | undefined;

export const syncStateOf = (state: EditorState): SyncState => ySyncPluginKey.getState(state) as SyncState;

/** Whether a transaction brings others' changes (from Yjs, not this editor's undo or redo). */
export function isRemoteEdit(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as
    { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
}
