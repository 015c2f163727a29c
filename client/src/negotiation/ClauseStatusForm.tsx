import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAUSE_STATUSES, NEGOTIATION_NOTE_MAX, type ClauseStatus } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { negotiationApi } from './negotiationApi';

interface ClauseStatusFormProps {
  documentId: string;
  clauseId: string;
  current: ClauseStatus;
  onSaved(): void;
}

/** Coordinators: set the clause's negotiation status, with a note for the record. */
export function ClauseStatusForm({ documentId, clauseId, current, onSaved }: ClauseStatusFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<ClauseStatus>(current === 'pending' ? 'agreed' : current);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await negotiationApi.setStatus(documentId, clauseId, status, note.trim());
      setNote('');
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="negotiation-form" onSubmit={submit} data-testid="clause-status-form">
      <label htmlFor={`${id}-status`}>{t('negotiation.setStatus.label')}</label>
      <select
        id={`${id}-status`}
        value={status}
        onChange={(event) => setStatus(event.target.value as ClauseStatus)}
      >
        {CLAUSE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`negotiation.status.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t('negotiation.setStatus.note')}</label>
      <textarea
        id={`${id}-note`}
        value={note}
        maxLength={NEGOTIATION_NOTE_MAX}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('negotiation.setStatus.submit')}
      </button>
    </form>
  );
}
