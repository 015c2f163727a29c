import { useMemo } from 'react';
import type { CollabSession } from '../collab/CollabSession';
import { NegotiationStore } from './NegotiationStore';

/**
 * The negotiation store of the page's collaboration session (null until there is one). It follows
 * the server only while components listen to it, so it needs no explicit teardown.
 */
export function useNegotiationStore(session: CollabSession | null): NegotiationStore | null {
  return useMemo(() => (session ? new NegotiationStore(session, session.documentId) : null), [session]);
}
