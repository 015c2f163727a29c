import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../router/Link';
import { useSession } from '../session/useSession';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { useOpenSessions } from '../collab/OpenSessionsContext';
import { NotificationsButton } from '../notifications/NotificationsButton';
import { UserEvents } from '../notifications/UserEvents';
import '../account/accountLink.css';

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
              <UserEvents />
              <NotificationsButton />
              <span className="app-header__user" title={session.user.email}>
                {t('app.signedInAs', { name: session.user.name })}
              </span>
              <Link to="/settings" className="app-header__account">
                <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                  <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
                  <path
                    d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                  />
                </svg>
                <span className="app-header__account-text">{t('account.settingsLink')}</span>
              </Link>
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
