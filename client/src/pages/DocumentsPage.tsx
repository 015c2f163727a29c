import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedDocument } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { OfflineRecord } from '../offline/OfflineRecord';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { CreateDocumentForm } from '../documents/CreateDocumentForm';
import { MyDocuments } from '../documents/MyDocuments';
import { DeletedDocuments } from '../documents/DeletedDocuments';
import { ReceivedInvitations } from '../documents/ReceivedInvitations';
import { DocumentTextSearch } from '../search/DocumentTextSearch';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useSession } from '../session/useSession';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; documents: PresentedDocument[]; offline?: boolean };

export function DocumentsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { expired } = useSession();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('documents.title'));

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .listDocuments(controller.signal)
      .then(({ documents }) => {
        const sorted = [...documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
        setState({ status: 'ready', documents: sorted });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) expired();
        else if (error instanceof ApiError && error.status === 0 && OfflineRecord.documents().length > 0) {
          // no network: the documents saved on this device can still be opened
          const saved = [...OfflineRecord.documents()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
          setState({ status: 'ready', documents: saved, offline: true });
        } else setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [attempt, expired]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  return (
    <div className="documents-page">
      <div className="page-heading">
        <h1>{t('documents.title')}</h1>
        <p className="lead">{t('documents.intro')}</p>
      </div>
      <div className="documents-page__layout">
        <section aria-label={t('documents.listLabel')} className="documents-page__list">
          <ReceivedInvitations />
          {state.status === 'loading' && <LoadingState label={t('documents.loading')} />}
          {state.status === 'failed' && (
            <Alert tone="error">
              <p>
                {t('documents.loadFailed')} {errorMessage(state.error)}
              </p>
              <button type="button" className="button" onClick={retry}>
                {t('documents.retry')}
              </button>
            </Alert>
          )}
          {state.status === 'ready' && state.documents.length === 0 && (
            <div className="empty-state">
              <h2>{t('documents.emptyTitle')}</h2>
              <p>{t('documents.emptyBody')}</p>
            </div>
          )}
          {state.status === 'ready' && state.offline && <Alert tone="info">{t('offline.offlineList')}</Alert>}
          {state.status === 'ready' && state.documents.length > 0 && !state.offline && <DocumentTextSearch />}
          {state.status === 'ready' && state.documents.length > 0 && (
            <MyDocuments documents={state.documents} />
          )}
          {state.status === 'ready' && !state.offline && <DeletedDocuments onRestored={retry} />}
        </section>
        <CreateDocumentForm />
      </div>
    </div>
  );
}
