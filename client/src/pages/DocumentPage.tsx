import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseCode, userColour, type PresentedDocument } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { OfflineRecord } from '../offline/OfflineRecord';
import { SavedCopyNotice } from '../offline/SavedCopyNotice';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useCollabSession, useCollabState } from '../collab/useCollabSession';
import { CloseBanner } from '../document/CloseBanner';
import { PolicyEditor } from '../editor/PolicyEditor';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { AmendmentsPanel } from '../amendments/AmendmentsPanel';
import { OutlinePanel } from '../outline/OutlinePanel';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { useDocumentView } from '../versions/useDocumentView';
import { LockedNote } from '../workflow/LockedNote';
import { useWorkflow } from '../workflow/useWorkflow';
import { DocumentHeader } from '../document/DocumentHeader';
import { DocumentSide } from '../document/DocumentSide';
import { PanelSheets } from '../phone/PanelSheets';
import { PhoneBar } from '../phone/PhoneBar';
import { useIsPhone } from '../phone/useIsPhone';
import { useNegotiationStore } from '../negotiation/useNegotiationStore';
import { NegotiationPanel } from '../negotiation/NegotiationPanel';
import { NegotiationMargin } from '../negotiation/NegotiationMargin';
import { useClauseLink } from '../search/useClauseLink';

// the versions and comparison views are opened from the text view: their code is loaded on demand
const VersionsView = lazy(() =>
  import('../versions/VersionsView').then((m) => ({ default: m.VersionsView })),
);
const VersionView = lazy(() => import('../versions/VersionView').then((m) => ({ default: m.VersionView })));
const ComparisonView = lazy(() =>
  import('../compare/ComparisonView').then((m) => ({ default: m.ComparisonView })),
);

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; document: PresentedDocument };

export function DocumentPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { session: auth, expired } = useSession();
  const user = auth.status === 'signedIn' ? auth.user : null;
  const headingId = useId();
  // a document opened before on this device is shown at once from what was saved, then refreshed
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const saved = OfflineRecord.document(documentId);
    return saved ? { status: 'ready', document: saved } : { status: 'loading' };
  });
  const [reloadKey, setReloadKey] = useState(0);
  const [membersKey, setMembersKey] = useState(0);
  const [membersFocus, setMembersFocus] = useState(0);
  useDocumentTitle(loaded.status === 'ready' ? loaded.document.title : null);
  const phone = useIsPhone();
  const [sheets] = useState(() => new PanelSheets());

  const sessionEnded = useCallback(() => {
    const here = window.location.pathname + window.location.search;
    navigate(`/sign-in?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
    expired();
  }, [expired]);

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .getDocument(documentId, controller.signal)
      .then(({ document }) => {
        OfflineRecord.rememberDocument(document);
        setLoaded({ status: 'ready', document });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 403) OfflineRecord.forgetDocument(documentId);
        if (error instanceof ApiError && error.status === 401) sessionEnded();
        else
          setLoaded((current) =>
            current.status === 'ready' && error instanceof ApiError && error.status === 0
              ? current
              : { status: 'failed', error },
          );
      });
    return () => controller.abort();
  }, [documentId, reloadKey, sessionEnded]);

  const document = loaded.status === 'ready' ? loaded.document : null;
  const caretUser = useMemo(
    () => ({ id: user?.id ?? '', name: user?.name ?? '', color: user ? userColour(user.id) : '#4d5761' }),
    [user],
  );
  const session = useCollabSession(documentId, caretUser, document?.language ?? null);
  const [workflow, setWorkflow] = useWorkflow(document, session);
  const negotiation = useNegotiationStore(session);
  // a search result's link to a clause (?clause=)
  useClauseLink(session);
  const [view, show] = useDocumentView();
  // a sheet belongs to the text: another view closes it
  useEffect(() => {
    if (view.name !== 'text') sheets.close();
  }, [view.name, sheets]);
  // each part separately: the page must not re-render when only the saved state flips
  const state = {
    connection: useCollabState(session, (s) => s.connection),
    closeCode: useCollabState(session, (s) => s.closeCode),
    stopped: useCollabState(session, (s) => s.stopped),
    failedAttempts: useCollabState(session, (s) => s.failedAttempts),
    collaborators: useCollabState(session, (s) => s.collaborators),
    localCopy: useCollabState(session, (s) => s.localCopy),
  };

  // the server signed this socket out (logout elsewhere, session expired)
  useEffect(() => {
    if (state.closeCode === CloseCode.UNAUTHENTICATED) sessionEnded();
  }, [state.closeCode, sessionEnded]);

  // a refused upgrade looks like a network failure; ask the API whether the session still holds
  useEffect(() => {
    if (state.failedAttempts !== 3 && state.failedAttempts % 10 !== 0) return;
    if (state.failedAttempts === 0 || !window.navigator.onLine) return;
    accordApi.me().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) sessionEnded();
    });
  }, [state.failedAttempts, sessionEnded]);

  // a coordinator changed the kind or language (in another tab too): numbering words follow
  useEffect(() => {
    if (!session) return;
    return session.on('document.settings_changed', () => setReloadKey((key) => key + 1));
  }, [session]);

  // a membership changed: the list changes, and if it is ours, the document's abilities too
  useEffect(() => {
    if (!session || !user) return;
    return session.on('member.changed', (event) => {
      setMembersKey((key) => key + 1);
      if (event.userId === user.id) setReloadKey((key) => key + 1);
    });
  }, [session, user]);

  if (loaded.status === 'loading') return <LoadingState label={t('document.loading')} />;
  if (loaded.status === 'failed' || !document || !user) {
    return (
      <section className="page-section">
        <h1>{t('document.loadFailed')}</h1>
        <Alert tone="error">{errorMessage(loaded.status === 'failed' ? loaded.error : null)}</Alert>
        <p>
          <Link to="/">{t('document.backToDocuments')}</Link>
        </p>
      </section>
    );
  }

  const accessRemoved = state.closeCode === CloseCode.FORBIDDEN;
  const textLocked = workflow?.textLocked ?? document.textLocked;
  const editable = document.abilities.edit && !accessRemoved && !textLocked;
  const phoneBar = phone && session !== null && view.name === 'text';
  const pageClass = ['doc-page', phone && 'doc-page--phone', phoneBar && 'doc-page--phone-bar'];
  return (
    <div className={pageClass.filter(Boolean).join(' ')}>
      <DocumentHeader
        document={document}
        headingId={headingId}
        phone={phone}
        connection={state.connection}
        session={session}
        workflow={workflow}
        view={view}
        show={show}
        onRenamed={(renamed) => setLoaded({ status: 'ready', document: renamed })}
        onWorkflowChanged={setWorkflow}
        onReload={() => setReloadKey((key) => key + 1)}
        onShowMembers={() => setMembersFocus((n) => n + 1)}
      />

      {state.closeCode !== null && state.closeCode !== CloseCode.UNAUTHENTICATED && (
        <CloseBanner code={state.closeCode} stopped={state.stopped} />
      )}
      {document.abilities.edit && textLocked && view.name === 'text' && workflow && (
        <LockedNote state={workflow.state} />
      )}
      {!document.abilities.edit && view.name === 'text' && (
        <div className="readonly-note" data-testid="readonly-note">
          <strong>{t('document.readOnly', { role: t(`roles.${document.role}`) })}</strong>
          <span> — {t('document.readOnlyExplain')}</span>
        </div>
      )}

      <Suspense fallback={view.name === 'text' ? null : <LoadingState label={t('document.loading')} />}>
        {view.name === 'versions' && (
          <VersionsView
            document={document}
            currentUserId={user.id}
            session={session}
            show={show}
            onDocumentChanged={(changed) => setLoaded({ status: 'ready', document: changed })}
          />
        )}
        {view.name === 'version' && <VersionView documentId={document.id} number={view.number} show={show} />}
        {view.name === 'compare' && (
          <ComparisonView
            documentId={document.id}
            session={session}
            from={view.from}
            to={view.to}
            show={show}
          />
        )}
      </Suspense>
      {view.name === 'text' && <SavedCopyNotice connection={state.connection} localCopy={state.localCopy} />}
      {/* kept while another view shows: the editor, its session and panels stay as they are */}
      <div className="doc-page__body" hidden={view.name !== 'text'}>
        <OutlinePanel
          session={session}
          document={document}
          editable={editable}
          sheets={sheets}
          negotiation={negotiation}
        />
        {negotiation && <NegotiationMargin session={session} store={negotiation} />}
        <section className="doc-page__editor" aria-labelledby={headingId}>
          {session ? (
            <PolicyEditor
              session={session}
              user={caretUser}
              editable={editable}
              labelledBy={headingId}
              language={document.language}
              kind={document.kind}
              readOnlyReason={
                editable
                  ? null
                  : textLocked && document.abilities.edit
                    ? 'locked'
                    : document.abilities.comment
                      ? 'reviewer'
                      : 'observer'
              }
            />
          ) : (
            <LoadingState label={t('document.editorLoading')} />
          )}
        </section>
        {session && (
          <div className="doc-page__comments">
            <AmendmentsPanel session={session} document={document} />
            <CommentsSidebar comments={session.comments} documentId={documentId} sheets={sheets} />
          </div>
        )}
        <DocumentSide
          sheets={sheets}
          collaborators={state.collaborators}
          document={document}
          currentUserId={user.id}
          refreshKey={membersKey}
          focusRequest={membersFocus}
          onOwnMembershipChanged={() => setReloadKey((key) => key + 1)}
        >
          {negotiation && <NegotiationPanel session={session} store={negotiation} />}
        </DocumentSide>
      </div>
      {phoneBar && <PhoneBar sheets={sheets} comments={session.comments} />}
    </div>
  );
}
