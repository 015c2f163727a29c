import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNOFF_NOTE_MAX, type SignoffDecision } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { signoffApi } from './signoffApi';

/** The reader's organisation endorses or declines the version (declining says why). */
export function SignoffDecisionForm({
  documentId,
  version,
  onDone,
}: {
  documentId: string;
  version: number;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [decision, setDecision] = useState<SignoffDecision>('endorse');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signoffApi.decide(documentId, version, decision, note.trim());
      setNote('');
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="signoff__form" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend>{t('signoff.decide.legend')}</legend>
        {(['endorse', 'decline'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name={`${id}-decision`}
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            <span>{t(`signoff.decide.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>
        {t(decision === 'decline' ? 'signoff.decide.noteRequired' : 'signoff.decide.note')}
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        required={decision === 'decline'}
        maxLength={SIGNOFF_NOTE_MAX}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <button type="submit" className="button button--primary button--small" disabled={busy}>
        {t('signoff.decide.submit')}
      </button>
    </form>
  );
}
