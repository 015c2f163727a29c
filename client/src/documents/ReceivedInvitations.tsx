import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedReceivedInvitation } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { navigate } from '../router/navigate';
import { useOpenSessions } from '../collab/OpenSessionsContext';

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; invitations: PresentedReceivedInvitation[] };

/**
 * The invitations waiting for the signed-in user (addressed to their account's email), each with
 * Accept (opens the document) and Decline; a new one appears without reload. Shows nothing when
 * there are none.
 */
export function ReceivedInvitations() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const openSessions = useOpenSessions();

  // a new invitation arrives live (the user's own channel): the list is read again
  useEffect(
    () =>
      openSessions.on('notification.created', (event) => {
        if (event.notification.kind === 'invited') setReloadKey((key) => key + 1);
      }),
    [openSessions],
  );

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .listReceivedInvitations(controller.signal)
      .then(({ invitations }) => setState({ status: 'ready', invitations }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      });
    return () => controller.abort();
  }, [reloadKey]);

  const drop = (id: string) =>
    setState((current) =>
      current.status === 'ready'
        ? { status: 'ready', invitations: current.invitations.filter((i) => i.id !== id) }
        : current,
    );

  const answer = async (invitation: PresentedReceivedInvitation, accept: boolean) => {
    setBusy(invitation.id);
    setNotice(null);
    try {
      if (accept) {
        const { document } = await accordApi.acceptInvitation(invitation.id);
        navigate(`/documents/${document.id}`);
        return;
      }
      await accordApi.declineInvitation(invitation.id);
      drop(invitation.id);
      setNotice({ tone: 'success', text: t('invitations.declined', { title: invitation.document.title }) });
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
        {t('invitations.loadFailed')} {errorMessage(state.error)}
      </Alert>
    );
  }
  if (state.invitations.length === 0 && !notice) return null;
  return (
    <section
      className="panel received-invitations"
      aria-labelledby={headingId}
      data-testid="received-invitations"
    >
      <h2 id={headingId} className="panel__title">
        {t('invitations.title')}
      </h2>
      <ul className="document-list">
        {state.invitations.map((invitation) => {
          const by = invitation.invitedBy.organisation
            ? `${invitation.invitedBy.name} (${invitation.invitedBy.organisation.name})`
            : invitation.invitedBy.name;
          return (
            <li key={invitation.id} className="document-list__item" aria-busy={busy === invitation.id}>
              <span className="document-list__title">{invitation.document.title}</span>
              <p className="hint">
                {t('invitations.from', { name: by, role: t(`roles.${invitation.role}`) })}
              </p>
              <div className="received-invitations__actions">
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busy !== null}
                  aria-label={t('invitations.acceptLabel', { title: invitation.document.title })}
                  onClick={() => void answer(invitation, true)}
                >
                  {t('invitations.accept')}
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  disabled={busy !== null}
                  aria-label={t('invitations.declineLabel', { title: invitation.document.title })}
                  onClick={() => void answer(invitation, false)}
                >
                  {t('invitations.decline')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </section>
  );
}
