import { useEffect } from 'react';
import { useOpenSessions } from '../collab/OpenSessionsContext';
import { UserEventChannel } from './UserEventChannel';

/** Keeps the signed-in user's live channel open while it is rendered (the header, signed in). */
export function UserEvents() {
  const openSessions = useOpenSessions();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const channel = new UserEventChannel();
    const remove = openSessions.add(channel);
    return () => {
      remove();
      channel.close();
    };
  }, [openSessions]);
  return null;
}
