import { useEffect, useState } from 'react';
import type { CollabSession } from '../collab/CollabSession';
import { NegotiationStore } from './NegotiationStore';

/** The negotiation store of the page's collaboration session (null until there is one). */
export function useNegotiationStore(session: CollabSession | null): NegotiationStore | null {
  const [store, setStore] = useState<NegotiationStore | null>(null);
  useEffect(() => {
    if (!session) return;
    const created = new NegotiationStore(session, session.documentId);
    setStore(created);
    return () => {
      created.destroy();
      setStore(null);
    };
  }, [session]);
  return store;
}
