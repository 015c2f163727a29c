import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PresentedUser } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { SessionContext, type Session, type SessionValue } from './SessionContext';
import { LANGUAGE_STORAGE_KEY, i18next, isLanguage } from '../i18n/i18n';
import { clearOfflineCopies } from '../collab/clearOfflineCopies';
import { OfflineRecord } from '../offline/OfflineRecord';

/** Adopts the account's language unless this device already chose one. */
function adoptLocale(user: PresentedUser) {
  let chosen: string | null = null;
  try {
    chosen = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    chosen = null;
  }
  if (!chosen && isLanguage(user.locale) && user.locale !== i18next.language) {
    void i18next.changeLanguage(user.locale);
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading', user: null });

  useEffect(() => {
    const controller = new AbortController();
    let retry: number | undefined;
    const load = (attempt: number) => {
      accordApi
        .me(controller.signal)
        .then(({ user }) => {
          adoptLocale(user);
          OfflineRecord.rememberUser(user);
          setSession({ status: 'signedIn', user });
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.status === 401) {
            setSession({ status: 'signedOut', user: null, deliberate: false });
          } else {
            // offline or the server is restarting: open as the user last signed in on this
            // device (their saved documents work offline), and keep trying, slowly
            const remembered = attempt === 0 ? OfflineRecord.user() : null;
            if (remembered) setSession({ status: 'signedIn', user: remembered });
            retry = window.setTimeout(() => load(attempt + 1), Math.min(10_000, 500 * 2 ** attempt));
          }
        });
    };
    load(0);
    return () => {
      controller.abort();
      window.clearTimeout(retry);
    };
  }, []);

  const signedIn = useCallback((user: PresentedUser) => {
    adoptLocale(user);
    OfflineRecord.rememberUser(user);
    setSession({ status: 'signedIn', user });
  }, []);

  const signOut = useCallback(async () => {
    await accordApi.logout();
    setSession({ status: 'signedOut', user: null, deliberate: true });
    // drafts are sensitive and computers are often shared: nothing stays behind on this device
    // (open documents close with the page; deleting waits for their databases to close)
    OfflineRecord.forget();
    void clearOfflineCopies();
  }, []);

  const expired = useCallback(() => setSession({ status: 'signedOut', user: null, deliberate: false }), []);

  const value = useMemo<SessionValue>(
    () => ({ session, signedIn, signOut, expired }),
    [session, signedIn, signOut, expired],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
