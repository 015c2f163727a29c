import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedAmendment } from '@accord/shared';
import { AmendmentDiff } from './AmendmentDiff';
import { DecisionForm } from './DecisionForm';
import { ReviseForm } from './ReviseForm';
import { amendmentsApi } from './amendmentsApi';
import { personName } from '../components/personName';

interface AmendmentCardProps {
  amendment: PresentedAmendment;
  /** the clause as readers name it, null when it is gone */
  clauseName: string | null;
  onChanged(): void;
  onShowClause(clauseId: string): void;
}

/** One amendment: what it changes (a word diff against the current text), why, who backs it, its state. */
export function AmendmentCard({ amendment: a, clauseName, onChanged, onShowClause }: AmendmentCardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError((failure as { code?: string }).code ?? 'network_error');
    } finally {
      setBusy(false);
    }
  };
  const org = a.author.organisation;
  return (
    <article
      className={`amendment amendment--${a.state}`}
      aria-labelledby={`${id}-title`}
      data-testid="amendment"
      data-state={a.state}
    >
      <header className="amendment__header">
        <h3 id={`${id}-title`} className="amendment__title">
          <button type="button" className="amendment__clause" onClick={() => onShowClause(a.clauseId)}>
            {clauseName ?? t('amendments.unnumbered')}
          </button>{' '}
          ·{' '}
          {t(
            `amendments.kind.${a.kind === 'insert' ? (a.position === 'before' ? 'insertBefore' : a.position === 'inside' ? 'insertInside' : 'insertAfter') : a.kind}`,
          )}
        </h3>
        <span className="amendment__state" data-testid="amendment-state">
          {t(`amendments.state.${a.state}`)}
        </span>
      </header>
      <p className="amendment__by">
        {t('amendments.by', { name: personName(t, a.author.name), date: date(a.createdAt) })}
        {org && ` — ${org.name} (${org.country})`}
        {a.revision > 1 && ` · ${t('amendments.revision', { n: a.revision })}`}
      </p>
      {a.competingWith.length > 0 && (
        <p className="amendment__competing">{t('amendments.competing', { count: a.competingWith.length })}</p>
      )}
      <AmendmentDiff parts={a.diff} />
      {a.state === 'conflict' && <p className="amendment__conflict">{t('amendments.conflictHelp')}</p>}
      <p className="amendment__justification">
        <strong>{t('amendments.justification')}</strong> {a.justification}
      </p>
      {a.cosponsors.length > 0 && (
        <p className="amendment__cosponsors">
          <strong>{t('amendments.cosponsors')}</strong>{' '}
          {a.cosponsors
            .map((c) =>
              c.organisation ? `${personName(t, c.name)} (${c.organisation.name})` : personName(t, c.name),
            )
            .join(', ')}
        </p>
      )}
      {a.decision && (
        <p className="amendment__decision">
          {t(`amendments.decided.${a.decision.decision}`, {
            name: personName(t, a.decision.by.name),
            date: date(a.decision.at),
          })}
          {a.decision.changed && ` ${t('amendments.withChanges')}`}
          {a.decision.reason && ` — ${a.decision.reason}`}
        </p>
      )}
      <div className="amendment__actions">
        {a.can.cosponsor && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => amendmentsApi.cosponsor(a.documentId, a.id))}
          >
            {t('amendments.cosponsor')}
          </button>
        )}
        {a.can.withdraw && (
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => amendmentsApi.withdraw(a.documentId, a.id))}
          >
            {t('amendments.withdraw')}
          </button>
        )}
      </div>
      {a.can.revise && <ReviseForm amendment={a} busy={busy} act={act} />}
      {a.can.decide && <DecisionForm amendment={a} busy={busy} act={act} />}
      {error && (
        <p role="alert" className="amendment__error">
          {t([`amendments.errors.${error}`, 'amendments.errors.other'])}
        </p>
      )}
    </article>
  );
}
