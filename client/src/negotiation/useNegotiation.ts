import { useCallback, useSyncExternalStore } from 'react';
import type { NegotiationState, NegotiationStore } from './NegotiationStore';

const EMPTY: NegotiationState = { negotiation: null, statuses: new Map(), revision: 0, failed: false };
const nothing = () => () => {};

/** The store's current state (an empty one without a store). */
export function useNegotiation(store: NegotiationStore | null): NegotiationState {
  const subscribe = useCallback(
    (listener: () => void) => (store ? store.subscribe(listener) : nothing()),
    [store],
  );
  return useSyncExternalStore(subscribe, () => (store ? store.getState() : EMPTY));
}
