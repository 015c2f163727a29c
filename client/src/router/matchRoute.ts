export type Route =
  | { name: 'documents' }
  | { name: 'signIn'; next: string | null; expired: boolean }
  | { name: 'register'; next: string | null }
  | { name: 'document'; id: string }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword' }
  | { name: 'devMail' }
  | { name: 'invitationLink' }
  | { name: 'joinLink' }
  | { name: 'settings' }
  | { name: 'confirmEmail' }
  | { name: 'notFound' };

/** Only same-app paths are followed after sign-in, never another origin. */
function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** The page a location shows. */
export function matchRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/documents') return { name: 'documents' };
  if (path === '/sign-in') {
    return { name: 'signIn', next: safeNext(search), expired: new URLSearchParams(search).has('expired') };
  }
  if (path === '/register') return { name: 'register', next: safeNext(search) };
  if (path === '/forgot-password') return { name: 'forgotPassword' };
  if (path === '/reset-password') return { name: 'resetPassword' };
  if (path === '/dev/mail') return { name: 'devMail' };
  if (path === '/invitation') return { name: 'invitationLink' };
  if (path === '/join') return { name: 'joinLink' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/confirm-email') return { name: 'confirmEmail' };
  const document = /^\/documents\/([0-9a-zA-Z_-]{1,64})$/.exec(path);
  if (document) return { name: 'document', id: document[1]! };
  return { name: 'notFound' };
}
