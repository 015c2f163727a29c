import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from './router/useRoute';
import { navigate } from './router/navigate';
import { useFocusOnNavigate } from './router/useFocusOnNavigate';
import { useSession } from './session/useSession';
import { AppHeader } from './components/AppHeader';
import { LoadingState } from './components/LoadingState';
import { OfflineNotice } from './components/OfflineNotice';
import { SignInPage } from './pages/SignInPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { loadDocumentStrings } from './i18n/i18n';

// Pages reached from an emailed link or the header (settings, reset, invitations, join links) load
// when opened: the sign-in and list pages stay within their budget on slow connections.
const ForgotPasswordPage = lazy(() =>
  import('./account/ForgotPasswordPage').then((module) => ({ default: module.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./account/ResetPasswordPage').then((module) => ({ default: module.ResetPasswordPage })),
);
const DevMailPage = lazy(() =>
  import('./account/DevMailPage').then((module) => ({ default: module.DevMailPage })),
);
const InvitationLinkPage = lazy(() =>
  import('./account/InvitationLinkPage').then((module) => ({ default: module.InvitationLinkPage })),
);
const JoinLinkPage = lazy(() =>
  import('./account/JoinLinkPage').then((module) => ({ default: module.JoinLinkPage })),
);
const SettingsPage = lazy(() =>
  import('./account/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const RegisterPage = lazy(() =>
  import('./pages/RegisterPage').then((module) => ({ default: module.RegisterPage })),
);
const ConfirmEmailPage = lazy(() =>
  import('./account/ConfirmEmailPage').then((module) => ({ default: module.ConfirmEmailPage })),
);

// The editor (Tiptap, Yjs) is most of the code: load it, and the strings only it uses, when a
// document is opened (both at once), so the sign-in and list pages stay light on slow connections.
const DocumentPage = lazy(() =>
  Promise.all([import('./pages/DocumentPage'), loadDocumentStrings()]).then(([module]) => ({
    default: module.DocumentPage,
  })),
);

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const { session } = useSession();
  const publicRoute = route.name === 'signIn' || route.name === 'register';
  // emailed links open these signed in or not
  const openRoute =
    route.name === 'forgotPassword' ||
    route.name === 'resetPassword' ||
    route.name === 'invitationLink' ||
    route.name === 'joinLink' ||
    route.name === 'confirmEmail';
  useFocusOnNavigate(route.name === 'document' ? `document:${route.id}` : route.name, 'main');

  const signedOutDeliberately = session.status === 'signedOut' && session.deliberate;
  useEffect(() => {
    if (openRoute) return;
    if (session.status === 'signedOut' && !publicRoute) {
      const here = window.location.pathname + window.location.search;
      const resume = here !== '/' && !signedOutDeliberately;
      navigate(resume ? `/sign-in?next=${encodeURIComponent(here)}` : '/sign-in', { replace: true });
    } else if (session.status === 'signedIn' && publicRoute) {
      navigate(route.next ?? '/', { replace: true });
    }
  }, [session.status, signedOutDeliberately, publicRoute, openRoute, route]);

  let page;
  if (session.status === 'loading') {
    page = <LoadingState label={t('app.loading')} />;
  } else if (route.name === 'signIn') {
    page = <SignInPage next={route.next} expired={route.expired} />;
  } else if (route.name === 'register') {
    page = <RegisterPage next={route.next} />;
  } else if (route.name === 'forgotPassword') {
    page = <ForgotPasswordPage />;
  } else if (route.name === 'resetPassword') {
    page = <ResetPasswordPage />;
  } else if (route.name === 'invitationLink') {
    page = <InvitationLinkPage />;
  } else if (route.name === 'joinLink') {
    page = <JoinLinkPage />;
  } else if (route.name === 'confirmEmail') {
    page = <ConfirmEmailPage />;
  } else if (session.status === 'signedOut') {
    page = <LoadingState label={t('app.loading')} />;
  } else if (route.name === 'documents') {
    page = <DocumentsPage />;
  } else if (route.name === 'settings') {
    page = <SettingsPage />;
  } else if (route.name === 'devMail') {
    page = <DevMailPage />;
  } else if (route.name === 'document') {
    page = (
      <Suspense fallback={<LoadingState label={t('document.loading')} />}>
        <DocumentPage key={route.id} documentId={route.id} />
      </Suspense>
    );
  } else {
    page = <NotFoundPage />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <OfflineNotice />
      <main id="main" tabIndex={-1} className={route.name === 'document' ? 'main main--wide' : 'main'}>
        <Suspense fallback={<LoadingState label={t('app.loading')} />}>{page}</Suspense>
      </main>
    </>
  );
}
