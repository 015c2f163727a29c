import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentLanguage } from '@accord/shared';
import { CollabSession, INITIAL_COLLAB_STATE, type CollabState, type CollabUser } from './CollabSession';
import { useOpenSessions } from './OpenSessionsContext';
import { useLowData } from '../lowData/LowDataContext';

const noSubscription = () => () => {};

/**
 * Opens the document's collaboration session while the component is mounted (null until then,
 * or while the document's language is not known yet). Components read its state with useCollabState.
 */
export function useCollabSession(
  documentId: string,
  user: CollabUser,
  language: DocumentLanguage | null,
): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  const openSessions = useOpenSessions();
  const { id, name, color } = user;
  // turning low-data mode on or off opens the document again, with or without others' carets
  const lowData = useLowData();

  useEffect(() => {
    if (!language) return;
    const created = new CollabSession(documentId, { id, name, color }, language, { lowData });
    const close = openSessions.add(created);
    // the session is an external resource (socket, database) that must live exactly as long as
    // the effect, so it is created here and handed to render through state
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created);
    return () => {
      close();
      created.destroy();
      setSession(null);
    };
  }, [documentId, id, name, color, language, openSessions, lowData]);

  return session;
}

/**
 * One part of the session's state, re-rendering only when that part changes: the saved
 * indicator flips with every keystroke, and the whole page must not re-render with it.
 * `select` must return a primitive or a reference the session keeps stable.
 */
export function useCollabState<T>(session: CollabSession | null, select: (state: CollabState) => T): T {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, () =>
    select(session ? session.getState() : INITIAL_COLLAB_STATE),
  );
}
