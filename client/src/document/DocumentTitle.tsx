import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Limits, type PresentedDocument } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface DocumentTitleProps {
  document: PresentedDocument;
  headingId: string;
  onRenamed(document: PresentedDocument): void;
}

/** The document's title as the page heading; coordinators can rename it in place. */
export function DocumentTitle({ document, headingId, onRenamed }: DocumentTitleProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(document.title);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = () => {
    setDraft(document.title);
    setError(null);
    setEditing(true);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = draft.trim();
    if (title === document.title) {
      setEditing(false);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const { document: renamed } = await accordApi.renameDocument(document.id, title);
      onRenamed(renamed);
      setEditing(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  if (editing) {
    return (
      <form className="title-form" onSubmit={handleSubmit} aria-busy={pending}>
        <label htmlFor={`${id}-title`} className="visually-hidden">
          {t('document.titleLabel')}
        </label>
        <input
          id={`${id}-title`}
          className="title-form__input"
          required
          maxLength={Limits.titleMax}
          value={draft}
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setEditing(false);
          }}
        />
        <div className="title-form__actions">
          <button type="submit" className="button button--primary" disabled={pending || !draft.trim()}>
            {pending ? t('document.savingTitle') : t('document.saveTitle')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setEditing(false)}
            disabled={pending}
          >
            {t('document.cancel')}
          </button>
        </div>
        {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
      </form>
    );
  }

  return (
    <div className="document-title">
      <h1 id={headingId} className="document-title__text" title={document.title}>
        {document.title}
      </h1>
      {document.abilities.manage && (
        <button type="button" className="button button--quiet button--small" onClick={start}>
          {t('document.editTitle')}
          <span className="visually-hidden">: {document.title}</span>
        </button>
      )}
    </div>
  );
}
