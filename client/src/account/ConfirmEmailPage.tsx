import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';

/**
 * /confirm-email#<token>: the link sent to a new address. One button confirms (a mail scanner that
 * opens the link changes nothing); the token leaves the address bar at once.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { session, signedIn } = useSession();
  const [token] = useState(() => window.location.hash.slice(1));
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  useDocumentTitle(t('account.confirmEmailTitle'));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      const answer = await accountApi.confirmEmailChange(token);
      if (answer.signedIn) signedIn((await accordApi.me()).user);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`} aria-busy={pending}>
        <h1 id={`${id}-title`}>{t('account.confirmEmailTitle')}</h1>
        {!token && <Alert tone="error">{t('errors.token_invalid')}</Alert>}
        {error !== null && <Alert tone="error">{errorMessage(error)}</Alert>}
        {done ? (
          <>
            <Alert tone="success">{t('account.emailChanged')}</Alert>
            <p className="auth-card__switch">
              <Link to={session.status === 'signedIn' ? '/settings' : '/sign-in'}>
                {session.status === 'signedIn' ? t('account.settingsTitle') : t('auth.signIn')}
              </Link>
            </p>
          </>
        ) : (
          token && (
            <>
              <p className="lead">{t('account.confirmEmailIntro')}</p>
              <button
                type="button"
                className="button button--primary button--block"
                disabled={pending}
                onClick={() => void confirm()}
              >
                {pending ? t('account.saving') : t('account.confirmEmail')}
              </button>
            </>
          )
        )}
      </section>
    </div>
  );
}
