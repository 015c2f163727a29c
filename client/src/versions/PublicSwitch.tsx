import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import { versionsApi } from '../api/versionsApi';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface PublicSwitchProps {
  document: PresentedDocument;
  onChanged(document: PresentedDocument): void;
}

/** A coordinator makes the document's publications public (never its drafts or comments). */
export function PublicSwitch({ document, onChanged }: PublicSwitchProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = async () => {
    setPending(true);
    setError(null);
    try {
      const { document: updated } = await versionsApi.setPublic(document.id, !document.public);
      onChanged(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="public-switch">
      <button
        type="button"
        role="switch"
        aria-checked={document.public}
        aria-describedby={`${id}-explain`}
        className="switch"
        disabled={pending}
        onClick={() => void toggle()}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span>{t('versions.publications.public')}</span>
      </button>
      <p id={`${id}-explain`} className="hint">
        {document.public ? t('versions.publications.publicOn') : t('versions.publications.publicOff')}{' '}
        {t('versions.publications.publicExplain')}
      </p>
      {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
    </div>
  );
}
