import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedInvitationLink } from '@accord/shared';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';
import './account.css';
import { acceptAfterRegistering, forgetInvitationLink, takeInvitationLinkToken } from './invitationLinkToken';

type State =
  | { status: 'loading' }
  | { status: 'ready'; invitation: PresentedInvitationLink }
  | { status: 'failed'; error: unknown };

/**
 * /invitation#<token>: the page an emailed invitation opens. Signed out, it offers to sign in or to
 * register with the invited address (and then accepts on its own); signed in with that address,
 * one button accepts and opens the document; signed in with another, it says so.
 */
export function InvitationLinkPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { session } = useSession();
  const [token] = useState(takeInvitationLinkToken);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [accepting, setAccepting] = useState(false);
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const autoAccepted = useRef(false);
  const id = useId();
  useDocumentTitle(t('account.invitationTitle'));

  useEffect(() => {
    if (!token) return;
    accountApi.lookupInvitationLink(token).then(
      ({ invitation }) => setState({ status: 'ready', invitation }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [token]);

  const accept = useCallback(async () => {
    if (!token) return;
    setAccepting(true);
    setAcceptError(null);
    try {
      const { document } = await accountApi.acceptInvitationLink(token);
      forgetInvitationLink();
      navigate(`/documents/${document.id}`);
    } catch (error) {
      setAcceptError(error);
      setAccepting(false);
    }
  }, [token]);

  const user = session.status === 'signedIn' ? session.user : null;
  const invitation = state.status === 'ready' ? state.invitation : null;
  const sameAddress = user !== null && invitation !== null && user.email === invitation.email;
  useEffect(() => {
    if (!sameAddress || invitation?.state !== 'pending' || !acceptAfterRegistering.get()) return;
    if (autoAccepted.current) return;
    autoAccepted.current = true;
    void accept();
  }, [sameAddress, invitation, accept]);

  let body;
  if (!token) {
    body = <Alert tone="error">{t('errors.token_invalid')}</Alert>;
  } else if (state.status === 'loading') {
    body = <LoadingState label={t('app.loading')} />;
  } else if (state.status === 'failed') {
    body = <Alert tone="error">{errorMessage(state.error)}</Alert>;
  } else {
    const inv = state.invitation;
    const intro = t('account.invitationIntro', {
      inviter: inv.invitedBy.name,
      title: inv.document.title,
      role: t(`roles.${inv.role}`),
    });
    body = (
      <>
        <p className="lead">{intro}</p>
        <p>{t('account.invitationFor', { email: inv.email })}</p>
        {acceptError !== null && <Alert tone="error">{errorMessage(acceptError)}</Alert>}
        {inv.state === 'closed' && <Alert tone="info">{t('account.invitationClosed')}</Alert>}
        {inv.state === 'accepted' && sameAddress && (
          <Link className="button button--primary" to={`/documents/${inv.document.id}`}>
            {t('account.invitationOpen')}
          </Link>
        )}
        {inv.state === 'pending' && user === null && (
          <div className="invitation-actions">
            <Link
              className="button button--primary"
              to={`/register?next=${encodeURIComponent('/invitation')}&email=${encodeURIComponent(inv.email)}`}
              onClick={() => acceptAfterRegistering.set()}
            >
              {t('account.invitationRegister')}
            </Link>
            <Link className="button" to={`/sign-in?next=${encodeURIComponent('/invitation')}`}>
              {t('account.invitationSignIn')}
            </Link>
          </div>
        )}
        {inv.state !== 'closed' && user !== null && !sameAddress && (
          <Alert tone="warning">
            {t('account.invitationOtherAddress', { email: inv.email, current: user.email })}
          </Alert>
        )}
        {inv.state === 'pending' && sameAddress && (
          <button
            type="button"
            className="button button--primary"
            disabled={accepting}
            onClick={() => void accept()}
          >
            {accepting ? t('account.invitationAccepting') : t('account.invitationAccept')}
          </button>
        )}
      </>
    );
  }

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`} aria-busy={accepting}>
        <h1 id={`${id}-title`}>{t('account.invitationTitle')}</h1>
        {body}
        {user !== null && (
          <p className="auth-card__switch">
            <Link to="/">{t('document.backToDocuments')}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
