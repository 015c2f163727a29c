import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi, type PresentedPublication } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { ApiError } from '../api/ApiError';

interface PublishFormProps {
  documentId: string;
  number: number;
  /** the newest publication's number ("1.1"), to show what major and minor give */
  latest: string | null;
  onPublished(publication: PresentedPublication): void;
  onCancel(): void;
}

/** "1.1" → the numbers a minor and a major release would get. */
function nextNumbers(latest: string | null): { minor: string; major: string } {
  if (!latest) return { minor: '1.0', major: '1.0' };
  const [major = 0, minor = 0] = latest.split('.').map(Number);
  return { minor: `${major}.${minor + 1}`, major: `${major + 1}.0` };
}

/** A coordinator publishes a version as a major or minor release. */
export function PublishForm({ documentId, number, latest, onPublished, onCancel }: PublishFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [release, setRelease] = useState<'major' | 'minor'>(latest ? 'minor' : 'major');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // the version's sign-off is not complete: a coordinator may publish anyway, for a recorded reason
  const [overrideReason, setOverrideReason] = useState<string | null>(null);
  const next = nextNumbers(latest);
  useEffect(() => heading.current?.focus(), []);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const reason = overrideReason?.trim() || undefined;
      const { publication } = await versionsApi.publish(documentId, number, release, reason);
      onPublished(publication);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'signoff_incomplete')
        setOverrideReason((r) => r ?? '');
      setError(caught);
      setPending(false);
    }
  };

  return (
    <form className="confirm" onSubmit={handleSubmit} aria-labelledby={`${id}-title`} aria-busy={pending}>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1} className="confirm__title">
        {t('versions.publish.title', { number })}
      </h4>
      <p className="hint">{t('versions.publish.explain')}</p>
      <fieldset className="fieldset">
        <legend>{t('versions.publish.release')}</legend>
        {latest ? (
          (['minor', 'major'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name={`${id}-release`}
                value={value}
                checked={release === value}
                onChange={() => setRelease(value)}
              />
              <span>{t(`versions.publish.${value}`, { number: next[value] })}</span>
            </label>
          ))
        ) : (
          <p>{t('versions.publish.first')}</p>
        )}
      </fieldset>
      {pending && (
        <p role="status" className="hint">
          {t('versions.publish.preparing')}
        </p>
      )}
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      {overrideReason !== null && (
        <label className="field">
          <span>{t('signoff.publish.overrideReason')}</span>
          <textarea
            value={overrideReason}
            rows={2}
            maxLength={2000}
            onChange={(e) => setOverrideReason(e.target.value)}
          />
        </label>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={pending}>
          {pending
            ? t('versions.publish.publishing')
            : t('versions.publish.submit', { number: release === 'major' ? next.major : next.minor })}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </form>
  );
}
