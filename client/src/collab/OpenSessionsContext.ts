import { createContext, useContext } from 'react';
import { OpenSessions } from './OpenSessions';

/** The documents open in this tab (see OpenSessions); provided once, at the root. */
export const OpenSessionsContext = createContext<OpenSessions | null>(null);

export function useOpenSessions(): OpenSessions {
  const sessions = useContext(OpenSessionsContext);
  if (!sessions) throw new Error('useOpenSessions needs an OpenSessionsContext provider');
  return sessions;
}
