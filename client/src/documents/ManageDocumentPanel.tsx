import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmsTitle, type PresentedDocument } from '@accord/shared';
import { Alert } from '../components/Alert';
import { navigate } from '../router/navigate';
import { ConfirmDialog } from './ConfirmDialog';
import { HandOverForm } from './HandOverForm';
import { DocumentSettingsForm } from './DocumentSettingsForm';
import { manageApi } from './manageApi';
import { useErrorMessage } from '../i18n/useErrorMessage';

interface ManageDocumentPanelProps {
  document: PresentedDocument;
  currentUserId: string;
  /** the document record changed here (archived): the page shows the new one */
  onDocumentChanged(document: PresentedDocument): void;
  /** the user's own role changed (handed over): the page reloads the document */
  onOwnMembershipChanged(): void;
}

type Asking = 'leave' | 'delete' | 'duplicate' | null;

/**
 * The document as a whole: leave it (anyone but its last coordinator); for coordinators, hand over
 * the coordinator role, archive or unarchive, and delete (after typing the title); anyone may
 * duplicate it as a starting point of their own.
 */
export function ManageDocumentPanel({
  document,
  currentUserId,
  onDocumentChanged,
  onOwnMembershipChanged,
}: ManageDocumentPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const manages = document.abilities.manage;

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setNotice(null);
    try {
      const done = await action();
      if (done) setNotice({ tone: 'success', text: done });
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };

  const leave = () =>
    run(async () => {
      await manageApi.leave(document.id);
      navigate('/documents');
      return null;
    });

  const remove = (typed: string) =>
    run(async () => {
      await manageApi.deleteDocument(document.id, typed);
      navigate('/documents');
      return null;
    });

  const duplicate = (title: string) =>
    run(async () => {
      const { document: copy } = await manageApi.duplicate(document.id, title);
      navigate(`/documents/${copy.id}`);
      return null;
    });

  const toggleArchived = () =>
    run(async () => {
      const { document: next } = await manageApi.setArchived(document.id, !document.archived);
      onDocumentChanged(next);
      return next.archived ? t('manage.archivedNotice') : t('manage.unarchivedNotice');
    });

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="manage-document">
      <h2 id={headingId} className="panel__title">
        {t('manage.panelTitle')}
      </h2>
      {document.archived && <p className="hint">{t('manage.isArchived')}</p>}
      {manages && <DocumentSettingsForm document={document} onChanged={onDocumentChanged} />}
      {manages && (
        <HandOverForm
          documentId={document.id}
          currentUserId={currentUserId}
          onHandedOver={(name, steppedDown) => {
            setNotice({ tone: 'success', text: t('manage.handedOver', { name }) });
            if (steppedDown) onOwnMembershipChanged();
          }}
        />
      )}
      <div className="manage-document__actions">
        {manages && (
          <button type="button" className="button" disabled={busy} onClick={toggleArchived}>
            {document.archived ? t('manage.unarchive') : t('manage.archive')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => setAsking('duplicate')}>
          {t('manage.duplicate')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setAsking('leave')}>
          {t('manage.leave')}
        </button>
        {manages && (
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => setAsking('delete')}
          >
            {t('manage.delete')}
          </button>
        )}
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <ConfirmDialog
        open={asking === 'leave'}
        title={t('manage.leaveTitle', { title: document.title })}
        confirmLabel={t('manage.leaveConfirm')}
        busy={busy}
        onConfirm={() => void leave()}
        onCancel={() => setAsking(null)}
      >
        <p>{manages ? t('manage.leaveBodyCoordinator') : t('manage.leaveBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'duplicate'}
        title={t('manage.duplicateTitle', { title: document.title })}
        confirmLabel={t('manage.duplicateConfirm')}
        busy={busy}
        typeToConfirm={{
          label: t('manage.duplicateName'),
          initial: t('manage.copyOf', { title: document.title }),
          matches: (typed) => typed.trim().length > 0,
        }}
        onConfirm={(typed) => void duplicate(typed)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('manage.duplicateBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'delete'}
        title={t('manage.deleteTitle', { title: document.title })}
        confirmLabel={t('manage.deleteConfirm')}
        danger
        busy={busy}
        typeToConfirm={{
          label: t('manage.typeTitle', { title: document.title }),
          matches: (typed) => confirmsTitle(typed, document.title),
        }}
        onConfirm={(typed) => void remove(typed)}
        onCancel={() => setAsking(null)}
      >
        <p>{t('manage.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
