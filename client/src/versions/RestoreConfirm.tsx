import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionsApi } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface RestoreConfirmProps {
  documentId: string;
  number: number;
  onRestored(): void;
  onCancel(): void;
}

/** Asks before a version's text replaces the live text, and says what that means. */
export function RestoreConfirm({ documentId, number, onRestored, onCancel }: RestoreConfirmProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => heading.current?.focus(), []);

  const restore = async () => {
    setPending(true);
    setError(null);
    try {
      await versionsApi.restore(documentId, number);
      onRestored();
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  };

  return (
    <div className="confirm" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-explain`}>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1} className="confirm__title">
        {t('versions.restore.confirmTitle', { number })}
      </h4>
      <p id={`${id}-explain`}>{t('versions.restore.explain', { number })}</p>
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      <div className="form__actions">
        <button
          type="button"
          className="button button--danger button--small"
          disabled={pending}
          onClick={() => void restore()}
        >
          {pending ? t('versions.restore.restoring') : t('versions.restore.submit', { number })}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </div>
  );
}
