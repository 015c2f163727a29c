import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabState, type CollabUser } from './CollabSession';

const IDLE: CollabState = {
  connection: 'connecting',
  save: 'saved',
  closeCode: null,
  stopped: false,
  failedAttempts: 0,
  collaborators: [],
};
const noSubscription = () => () => {};
const idle = () => IDLE;

/**
 * Opens the document's collaboration session while the component is mounted (null until then,
 * or while `enabled` is false) and re-renders on its state changes.
 */
export function useCollabSession(
  documentId: string,
  user: CollabUser,
  enabled: boolean,
): { session: CollabSession | null; state: CollabState } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const { id, name, color } = user;

  useEffect(() => {
    if (!enabled) return;
    const created = new CollabSession(documentId, { id, name, color });
    // the session is an external resource (socket, database) that must live exactly as long as
    // the effect, so it is created here and handed to render through state
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
  }, [documentId, id, name, color, enabled]);

  const state = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getState ?? idle);
  return { session, state };
}
