import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NEGOTIATION_NOTE_MAX, POSITION_STANCES, type PositionStance } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { negotiationApi } from './negotiationApi';

interface PositionFormProps {
  documentId: string;
  clauseId: string;
  organisationName: string;
  onSaved(): void;
}

/** Record the reader's organisation's position on the clause; a reservation or objection says why. */
export function PositionForm({ documentId, clauseId, organisationName, onSaved }: PositionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [stance, setStance] = useState<PositionStance>('support');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const noteRequired = stance !== 'support';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await negotiationApi.recordPosition(documentId, clauseId, stance, note.trim());
      setNote('');
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="negotiation-form" onSubmit={submit} data-testid="position-form">
      <fieldset>
        <legend>{t('negotiation.position.legend', { organisation: organisationName })}</legend>
        {POSITION_STANCES.map((value) => (
          <label key={value} className="negotiation-form__choice">
            <input
              type="radio"
              name={`${id}-stance`}
              value={value}
              checked={stance === value}
              onChange={() => setStance(value)}
            />{' '}
            {t(`negotiation.stance.${value}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>
        {t(noteRequired ? 'negotiation.position.noteRequired' : 'negotiation.position.note')}
      </label>
      <textarea
        id={`${id}-note`}
        value={note}
        required={noteRequired}
        maxLength={NEGOTIATION_NOTE_MAX}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('negotiation.position.submit')}
      </button>
    </form>
  );
}
