import { useMemo } from 'react';
import type { ClauseStatus } from '@accord/shared';
import type { OutlineEntry } from '../outline/outlineEntries';
import type { NegotiationStore } from './NegotiationStore';
import { hiddenWhenAgreed } from './negotiationTotals';
import { useNegotiation } from './useNegotiation';

/** What the outline's entries need of the negotiation. */
export interface OutlineNegotiation {
  statusOf(clauseId: string): ClauseStatus;
  /** entries hidden by the "only clauses not agreed" filter */
  hidden: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** The outline's view of the negotiation, following the store and the filter (null without a store). */
export function useOutlineNegotiation(
  store: NegotiationStore | null,
  entries: readonly OutlineEntry[],
  onlyOpen: boolean,
): OutlineNegotiation | null {
  const { statuses } = useNegotiation(store);
  return useMemo(() => {
    if (!store) return null;
    const statusOf = (clauseId: string) => statuses.get(clauseId)?.status ?? 'pending';
    return { statusOf, hidden: onlyOpen ? hiddenWhenAgreed(entries, statusOf) : NONE };
  }, [store, statuses, entries, onlyOpen]);
}
