import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNOFF_NOTE_MAX, type PresentedOrganisation } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { negotiationApi } from '../negotiation/negotiationApi';
import { signoffApi } from './signoffApi';

interface OpenSignoffFormProps {
  documentId: string;
  version: number;
  onDone(): void;
  onCancel(): void;
}

/** A coordinator chooses the member organisations that must endorse the version. */
export function OpenSignoffForm({ documentId, version, onDone, onCancel }: OpenSignoffFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [organisations, setOrganisations] = useState<PresentedOrganisation[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    // coordinators get every member organisation with the negotiation
    negotiationApi
      .get(documentId, controller.signal)
      .then(({ negotiation }) => {
        setOrganisations(negotiation.organisations);
        setChosen(new Set(negotiation.organisations.map((o) => o.id)));
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      });
    return () => controller.abort();
  }, [documentId]);

  const toggle = (organisationId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(organisationId);
      else next.delete(organisationId);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signoffApi.open(documentId, version, [...chosen], note.trim());
      onDone();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="confirm signoff__form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="confirm__title">
        {t('signoff.open.title', { number: version })}
      </h4>
      <fieldset className="fieldset">
        <legend>{t('signoff.open.organisations')}</legend>
        {organisations?.length === 0 && <p className="hint">{t('signoff.open.none')}</p>}
        {organisations?.map((organisation) => (
          <label key={organisation.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(organisation.id)}
              onChange={(event) => toggle(organisation.id, event.target.checked)}
            />
            <span>
              {organisation.name} ({organisation.country})
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>{t('signoff.open.note')}</label>
      <textarea
        id={`${id}-note`}
        value={note}
        maxLength={SIGNOFF_NOTE_MAX}
        rows={2}
        onChange={(event) => setNote(event.target.value)}
      />
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || chosen.size === 0}
        >
          {t('signoff.open.submit')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t('signoff.open.cancel')}
        </button>
      </div>
    </form>
  );
}
