import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import type { CollabSession } from '../collab/CollabSession';
import type { OutlineStore } from './outlineStore';

const nothing = () => () => {};
const none = () => null;

/** The editor showing the session's document (null until the editor component has created it). */
export function useSessionEditor(session: CollabSession | null): Editor | null {
  return useSyncExternalStore(session?.editor.subscribe ?? nothing, session?.editor.get ?? none);
}

/** The outline store of the session's editor (null until there is an editor). */
export function useSessionOutline(session: CollabSession | null): OutlineStore | null {
  return useSyncExternalStore(session?.editor.subscribe ?? nothing, session?.editor.outline ?? none);
}
