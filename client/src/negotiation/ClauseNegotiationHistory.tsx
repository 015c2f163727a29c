import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedClauseNegotiationHistory, PresentedOrganisation } from '@accord/shared';
import { useDateFormat } from '../i18n/useDateFormat';
import { ClauseStatusBadge } from './ClauseStatusBadge';
import { StanceBadge } from './StanceBadge';
import { negotiationApi } from './negotiationApi';
import { personName } from '../components/personName';

interface ClauseNegotiationHistoryProps {
  documentId: string;
  clauseId: string;
  organisations: PresentedOrganisation[];
  /** read again when it changes */
  revision: number;
}

/** Every status set on the clause and every position recorded (that the reader may see), newest first. */
export function ClauseNegotiationHistory({
  documentId,
  clauseId,
  organisations,
  revision,
}: ClauseNegotiationHistoryProps) {
  const { t } = useTranslation();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [history, setHistory] = useState<PresentedClauseNegotiationHistory | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    negotiationApi
      .history(documentId, clauseId, controller.signal)
      .then((answer) => setHistory(answer.history))
      .catch(() => {
        if (!controller.signal.aborted) setHistory(null);
      });
    return () => controller.abort();
  }, [documentId, clauseId, revision]);

  if (!history) return null;
  const organisation = (id: string) => organisations.find((o) => o.id === id)?.name ?? '';
  const entries = [
    ...history.statuses.map((s) => ({
      at: s.at,
      key: `s${s.seq}`,
      badge: <ClauseStatusBadge status={s.status} compact />,
      who: personName(t, s.by.name),
      org: null,
      note: s.note,
    })),
    ...history.positions.map((p) => ({
      at: p.at,
      key: `p${p.organisationId}${p.seq}`,
      badge: <StanceBadge stance={p.stance} />,
      who: personName(t, p.by.name),
      org: organisation(p.organisationId),
      note: p.note,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <details className="negotiation-history" data-testid="negotiation-history">
      <summary>{t('negotiation.history.title', { count: entries.length })}</summary>
      {entries.length === 0 ? (
        <p>{t('negotiation.history.empty')}</p>
      ) : (
        <ol className="negotiation-history__list">
          {entries.map((entry) => (
            <li key={entry.key}>
              {entry.badge}{' '}
              <span className="negotiation-history__who">
                {entry.org
                  ? t('negotiation.history.byFor', {
                      name: entry.who,
                      organisation: entry.org,
                      date: date.format(new Date(entry.at)),
                    })
                  : t('negotiation.history.by', { name: entry.who, date: date.format(new Date(entry.at)) })}
              </span>
              {entry.note && <q className="negotiation-history__note">{entry.note}</q>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
