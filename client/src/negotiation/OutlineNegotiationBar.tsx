import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseKind } from '@accord/shared';
import type { NegotiationStore } from './NegotiationStore';
import { negotiationTotals } from './negotiationTotals';
import { useNegotiation } from './useNegotiation';

interface OutlineNegotiationBarProps {
  store: NegotiationStore;
  entries: ReadonlyArray<{ clauseId: string; kind: ClauseKind }>;
  onlyOpen: boolean;
  onOnlyOpenChange(onlyOpen: boolean): void;
}

/** Above the outline: "34 of 41 articles agreed" and the filter to list only clauses not agreed. */
export function OutlineNegotiationBar({
  store,
  entries,
  onlyOpen,
  onOnlyOpenChange,
}: OutlineNegotiationBarProps) {
  const { t } = useTranslation();
  const id = useId();
  useNegotiation(store);
  const totals = negotiationTotals(entries, (clauseId) => store.statusOf(clauseId));
  if (!totals) return null;
  return (
    <div className="negotiation-bar" data-testid="negotiation-totals">
      <p className="negotiation-bar__totals">
        {t(`negotiation.totals.${totals.kind}`, { count: totals.count, agreed: totals.agreed })}
        {totals.adReferendum > 0 && (
          <> · {t('negotiation.totals.adReferendum', { count: totals.adReferendum })}</>
        )}
        {totals.bracketed > 0 && <> · {t('negotiation.totals.bracketed', { count: totals.bracketed })}</>}
      </p>
      <label className="negotiation-bar__filter" htmlFor={`${id}-open`}>
        <input
          id={`${id}-open`}
          type="checkbox"
          checked={onlyOpen}
          onChange={(event) => onOnlyOpenChange(event.target.checked)}
          data-testid="negotiation-only-open"
        />{' '}
        {t('negotiation.onlyOpen')}
      </label>
    </div>
  );
}
