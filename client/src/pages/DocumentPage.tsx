import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseCode, userColour, type PresentedDocument } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { RoleBadge } from '../components/RoleBadge';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useCollabSession, useCollabState } from '../collab/useCollabSession';
import { CloseBanner } from '../document/CloseBanner';
import { ConnectionStatus } from '../document/ConnectionStatus';
import { DocumentTitle } from '../document/DocumentTitle';
import { SaveIndicator } from '../document/SaveIndicator';
import { PolicyEditor } from '../editor/PolicyEditor';
import { CommentsSidebar } from '../comments/CommentsSidebar';
import { OutlinePanel } from '../outline/OutlinePanel';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { Link } from '../router/Link';
import { navigate } from '../router/navigate';
import { useSession } from '../session/useSession';
import { ComparisonView } from '../compare/ComparisonView';
import { DocumentViewNav } from '../versions/DocumentViewNav';
import { VersionView } from '../versions/VersionView';
import { VersionsView } from '../versions/VersionsView';
import { useDocumentView } from '../versions/useDocumentView';
import { LockedNote } from '../workflow/LockedNote';
import { WorkflowBar } from '../workflow/WorkflowBar';
import { useWorkflow } from '../workflow/useWorkflow';
import { DocumentSide } from '../document/DocumentSide';
import { PanelSheets } from '../phone/PanelSheets';
import { PhoneBar } from '../phone/PhoneBar';
import { useIsPhone } from '../phone/useIsPhone';

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
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [membersKey, setMembersKey] = useState(0);
  const [membersFocus, setMembersFocus] = useState(0);
  useDocumentTitle(loaded.status === 'ready' ? loaded.document.title : null);
  const phone = useIsPhone();
  const [sheets] = useState(() => new PanelSheets());
  const [menuOpen, setMenuOpen] = useState(false);

  const sessionEnded = useCallback(() => {
    const here = window.location.pathname + window.location.search;
    navigate(`/sign-in?expired=1&next=${encodeURIComponent(here)}`, { replace: true });
    expired();
  }, [expired]);

  useEffect(() => {
    const controller = new AbortController();
    accordApi
      .getDocument(documentId, controller.signal)
      .then(({ document }) => setLoaded({ status: 'ready', document }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
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
      <div
        id={`${headingId}-header`}
        className={phone && menuOpen ? 'doc-page__header doc-page__header--open' : 'doc-page__header'}
      >
        <p className="doc-page__back">
          {phone ? (
            <Link to="/">
              <span aria-hidden="true">←</span>
              <span className="visually-hidden">{t('document.backToDocuments')}</span>
            </Link>
          ) : (
            <Link to="/">← {t('document.backToDocuments')}</Link>
          )}
        </p>
        <DocumentTitle
          document={document}
          headingId={headingId}
          onRenamed={(renamed) => setLoaded({ status: 'ready', document: renamed })}
        />
        {phone && <p className="doc-page__full-title">{document.title}</p>}
        <div className="doc-page__meta">
          <span>{t(`documentKinds.${document.kind}`)}</span>
          <span aria-hidden="true">·</span>
          <span>{t(`documentLanguages.${document.language}`)}</span>
          <span aria-hidden="true">·</span>
          <RoleBadge role={document.role} />
          {!phone && (
            <button
              type="button"
              className="button button--quiet button--small"
              data-testid="members-button"
              onClick={() => {
                if (view.name !== 'text') show({ name: 'text' });
                setMembersFocus((n) => n + 1);
              }}
            >
              {t(document.abilities.manage ? 'members.showManage' : 'members.show')}
            </button>
          )}
        </div>
        <div className="doc-page__status" aria-label={t('document.status')} role="group">
          <ConnectionStatus status={state.connection} />
          {document.abilities.edit && <SaveIndicator session={session} />}
        </div>
        {phone && (
          <button
            type="button"
            className="button button--quiet doc-page__menu-button"
            aria-expanded={menuOpen}
            aria-controls={`${headingId}-header`}
            aria-label={t('phone.menu')}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        )}
        {workflow && (
          <WorkflowBar
            documentId={document.id}
            workflow={workflow}
            canChange={document.abilities.manage}
            onChanged={setWorkflow}
            onReload={() => setReloadKey((key) => key + 1)}
          />
        )}
        <DocumentViewNav view={view} show={show} />
      </div>

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
      {/* kept while another view shows: the editor, its session and panels stay as they are */}
      <div className="doc-page__body" hidden={view.name !== 'text'}>
        <OutlinePanel session={session} document={document} editable={editable} sheets={sheets} />
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
        />
      </div>
      {phoneBar && <PhoneBar sheets={sheets} comments={session.comments} />}
    </div>
  );
}
