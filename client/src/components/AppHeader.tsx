import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { useSession } from '../session/useSession';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useOpenSessions } from '../collab/OpenSessionsContext';
import { NotificationsButton } from '../notifications/NotificationsButton';

export function AppHeader() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const errorMessage = useErrorMessage();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const openSessions = useOpenSessions();

  const handleSignOut = async () => {
    if (openSessions.hasUnsavedChanges() && !window.confirm(t('app.signOutUnsaved'))) return;
    setSigningOut(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(caught);
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            A
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        {session.status === 'signedIn' && (
          <nav aria-label={t('app.mainNavigation')} className="app-nav">
            <Link to="/">{t('app.myDocuments')}</Link>
          </nav>
        )}
        <div className="app-header__end">
          <LanguagePicker />
          {session.status === 'signedIn' && (
            <>
              <NotificationsButton />
              <span className="app-header__user" title={session.user.email}>
                {t('app.signedInAs', { name: session.user.name })}
              </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={handleSignOut}
                disabled={signingOut}
              >
                {signingOut ? t('app.signingOut') : t('app.signOut')}
              </button>
              {error !== null && (
                <span className="app-header__error" role="alert">
                  {errorMessage(error)}
                </span>
              )}
            </>
          )}
        </div>
      </div>
    </header>
  );
}
