import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi, type PresentedProposal } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { personName } from '../components/personName';

interface ProposalListProps {
  documentId: string;
  proposals: PresentedProposal[];
  /** coordinators confirm or dismiss; the others see their pending proposals */
  canResolve: boolean;
  onResolved(): void;
}

/** Pending proposals to freeze a version. */
export function ProposalList({ documentId, proposals, canResolve, onResolved }: ProposalListProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const date = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const pending = proposals.filter((proposal) => proposal.status === 'pending');
  if (pending.length === 0) return null;

  const resolve = async (proposal: PresentedProposal, decision: 'confirm' | 'dismiss') => {
    setBusy(proposal.id);
    setError(null);
    try {
      if (decision === 'confirm') await versionsApi.confirmProposal(documentId, proposal.id);
      else await versionsApi.dismissProposal(documentId, proposal.id);
      onResolved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="proposals" aria-label={t('versions.proposals.title')}>
      <h3 className="panel__subtitle">
        {t('versions.proposals.title')}{' '}
        <span className="panel__count">{t('versions.proposals.count', { count: pending.length })}</span>
      </h3>
      <ul className="proposals__list">
        {pending.map((proposal) => (
          <li key={proposal.id} className="proposal">
            <p className="proposal__name">{proposal.name}</p>
            <p className="hint">
              {t('versions.proposals.by', {
                name: personName(t, proposal.proposedBy.name),
                date: date.format(new Date(proposal.createdAt)),
              })}
            </p>
            {proposal.note && <p className="proposal__note">{proposal.note}</p>}
            {canResolve && (
              <div className="version__actions">
                <button
                  type="button"
                  className="button button--small button--primary"
                  disabled={busy !== null}
                  onClick={() => void resolve(proposal, 'confirm')}
                  aria-label={t('versions.proposals.confirmNamed', { name: proposal.name })}
                >
                  {t('versions.proposals.confirm')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  onClick={() => void resolve(proposal, 'dismiss')}
                  aria-label={t('versions.proposals.dismissNamed', { name: proposal.name })}
                >
                  {t('versions.proposals.dismiss')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
    </section>
  );
}
