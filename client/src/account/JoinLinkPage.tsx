import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedJoinLinkTarget } from '@accord/shared';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { accountApi } from './accountApi';
import './account.css';
import { forgetJoinLink, takeJoinLinkToken } from './joinLinkToken';

type State =
  | { status: 'loading' }
  | { status: 'ready'; target: PresentedJoinLinkTarget }
  | { status: 'failed'; error: unknown };

/**
 * /join#<token>: the page a shared join link opens. Signed in, it joins at once and opens the
 * document; signed out, it offers to register (or sign in) and joins when they are back.
 */
export function JoinLinkPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { session } = useSession();
  const [token] = useState(takeJoinLinkToken);
  const [state, setState] = useState<State>({ status: 'loading' });
  const joining = useRef(false);
  const id = useId();
  useDocumentTitle(t('account.joinTitle'));
  const signedIn = session.status === 'signedIn';

  useEffect(() => {
    if (!token) return;
    accountApi.lookupJoinLink(token).then(
      ({ target }) => setState({ status: 'ready', target }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [token]);

  useEffect(() => {
    if (!token || !signedIn || state.status !== 'ready' || joining.current) return;
    joining.current = true;
    accountApi.joinByLink(token).then(
      ({ document }) => {
        forgetJoinLink();
        navigate(`/documents/${document.id}`, { replace: true });
      },
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [token, signedIn, state.status]);

  let body;
  if (!token) {
    body = <Alert tone="error">{t('errors.join_link_unknown')}</Alert>;
  } else if (state.status === 'failed') {
    body = (
      <>
        <Alert tone="error">{errorMessage(state.error)}</Alert>
        <p>{t('account.joinAskAgain')}</p>
      </>
    );
  } else if (state.status === 'loading' || signedIn) {
    body = <LoadingState label={state.status === 'loading' ? t('app.loading') : t('account.joining')} />;
  } else {
    const { target } = state;
    body = (
      <>
        <p className="lead">
          {t('account.joinIntro', { title: target.document.title, role: t(`roles.${target.role}`) })}
        </p>
        <div className="invitation-actions">
          <Link className="button button--primary" to={`/register?next=${encodeURIComponent('/join')}`}>
            {t('account.joinRegister')}
          </Link>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent('/join')}`}>
            {t('account.joinSignIn')}
          </Link>
        </div>
      </>
    );
  }

  return (
    <div className="auth-page">
      <section className="card auth-card" aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>{t('account.joinTitle')}</h1>
        {body}
        {signedIn && state.status === 'failed' && (
          <p className="auth-card__switch">
            <Link to="/">{t('document.backToDocuments')}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
