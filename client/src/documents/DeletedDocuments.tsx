import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDeletedDocument } from '@accord/shared';
import { Alert } from '../components/Alert';
import { useDateFormat } from '../i18n/useDateFormat';
import { manageApi } from './manageApi';
import { useErrorMessage } from '../i18n/useErrorMessage';
import './manageDocuments.css';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; documents: PresentedDeletedDocument[] };

/**
 * "Deleted documents": what the user's coordinated documents in the bin are, when each will be
 * purged, and Restore. Shows nothing while the bin is empty.
 */
export function DeletedDocuments({ onRestored }: { onRestored(): void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const dates = useDateFormat({ dateStyle: 'medium' });
  const headingId = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    manageApi
      .listDeleted(controller.signal)
      .then(({ documents }) => setState({ status: 'ready', documents }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, []);

  const restore = async (document: PresentedDeletedDocument) => {
    setBusy(document.id);
    setNotice(null);
    try {
      await manageApi.restore(document.id);
      setState((s) =>
        s.status === 'ready'
          ? { status: 'ready', documents: s.documents.filter((d) => d.id !== document.id) }
          : s,
      );
      setNotice({ tone: 'success', text: t('manage.deleted.restored', { title: document.title }) });
      onRestored();
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  if (state.status === 'loading') return null;
  if (state.status === 'failed') {
    return (
      <Alert tone="error">
        {t('manage.deleted.loadFailed')} {errorMessage(state.error)}
      </Alert>
    );
  }
  if (state.documents.length === 0 && !notice) return null;
  return (
    <section className="deleted-documents" aria-labelledby={headingId} data-testid="deleted-documents">
      <h2 id={headingId}>{t('manage.deleted.title')}</h2>
      <p className="hint">{t('manage.deleted.intro')}</p>
      <ul>
        {state.documents.map((document) => (
          <li key={document.id}>
            <span>
              <strong>{document.title}</strong>
              <br />
              <span className="hint">
                {t('manage.deleted.when', {
                  deleted: dates.format(new Date(document.deletedAt)),
                  purge: dates.format(new Date(document.purgeAt)),
                })}
              </span>
            </span>
            <button
              type="button"
              className="button"
              disabled={busy === document.id}
              aria-label={t('manage.deleted.restoreNamed', { title: document.title })}
              onClick={() => void restore(document)}
            >
              {t('manage.deleted.restore')}
            </button>
          </li>
        ))}
      </ul>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </section>
  );
}
