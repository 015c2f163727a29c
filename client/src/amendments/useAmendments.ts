import { useSyncExternalStore } from 'react';
import type { AmendmentStore, AmendmentsState } from './AmendmentStore';

const NONE: AmendmentsState = { status: 'loading', list: null, error: null, clauseId: null, open: false };
const noop = () => () => {};

/** The session's amendments; re-renders on every change. */
export function useAmendments(store: AmendmentStore | null): AmendmentsState {
  return useSyncExternalStore(store ? store.subscribe : noop, store ? store.getState : () => NONE);
}

/** Open amendments per clause id (for markers in the outline and the editor margin). */
export function useAmendmentCounts(store: AmendmentStore | null): Record<string, number> {
  return useAmendments(store).list?.clauseCounts ?? EMPTY;
}
const EMPTY: Record<string, number> = {};
