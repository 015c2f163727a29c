import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentLanguage, ResolvedAnchor } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import type { CollabSession } from '../collab/CollabSession';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { NAVIGATE_EVENT } from '../router/navigate';
import { CommentComposer, type MentionCandidate } from './CommentComposer';
import { CommentFilters, EMPTY_FILTERS, matchesFilters, type Filters } from './CommentFilters';
import { commentsControllerFor, type LiveThread } from './CommentsController';
import { ThreadCard } from './ThreadCard';
import { useCommentsState } from './useCommentsState';
import './comments.css';

interface CommentsSidebarProps {
  session: CollabSession;
  documentId: string;
  language: DocumentLanguage;
  userId: string;
}

/** Alt+Ctrl+M (⌥⌘M on a Mac): comment on the selection, or on the clause at the cursor. */
function isComposerShortcut(event: KeyboardEvent): boolean {
  return event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM';
}

/**
 * The comments of a document, next to its text: threads in document order, filters, the composer
 * for new comments, live updates from the collaboration socket.
 */
export function CommentsSidebar({ session, documentId, language, userId }: CommentsSidebarProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const controller = commentsControllerFor(session.ydoc);
  const state = useCommentsState(controller);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [members, setMembers] = useState<MentionCandidate[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [open, setOpen] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLDivElement>(null);
  const canComment = state.viewer?.canComment ?? false;

  useEffect(
    () => controller.attach(session, documentId, language, userId),
    [controller, session, documentId, language, userId],
  );

  useEffect(() => {
    const abort = new AbortController();
    accordApi
      .listMembers(documentId, abort.signal)
      .then(({ members }) =>
        setMembers(
          members.map((member) => ({
            id: member.userId,
            name: member.name,
            detail: member.organisation
              ? `${member.organisation.name} (${member.organisation.country})`
              : null,
          })),
        ),
      )
      .catch(() => {
        // mentions are a convenience: without the list, "@" simply suggests nobody
      });
    return () => abort.abort();
  }, [documentId]);

  useEffect(() => {
    if (!canComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isComposerShortcut(event)) return;
      event.preventDefault();
      controller.openComposer();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller, canComment]);

  // a link to a comment (?comment=<thread id>, e.g. from a notification) opens it
  const [linked, setLinked] = useState(() => new URLSearchParams(window.location.search).get('comment'));
  useEffect(() => {
    const onNavigate = () => setLinked(new URLSearchParams(window.location.search).get('comment'));
    window.addEventListener(NAVIGATE_EVENT, onNavigate);
    window.addEventListener('popstate', onNavigate);
    return () => {
      window.removeEventListener(NAVIGATE_EVENT, onNavigate);
      window.removeEventListener('popstate', onNavigate);
    };
  }, []);
  const hasLinked = !!linked && state.threads.some((item) => item.thread.id === linked);
  const handledLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || !hasLinked || handledLink.current === linked) return;
    handledLink.current = linked;
    controller.activate(linked, { focus: true, reveal: true });
  }, [controller, linked, hasLinked]);

  // requests from the text (composer, focus a thread) open the panel on narrow screens; other
  // people's new comments and replies are announced, once their thread has arrived
  useEffect(() => {
    const first = controller.getState();
    let draftSeen = first.draftRequest;
    let focusSeen = first.focusRequest;
    let announcedSeq = first.lastRemoteChange?.seq ?? 0;
    return controller.subscribe(() => {
      const now = controller.getState();
      if (now.draftRequest !== draftSeen || now.focusRequest !== focusSeen) {
        draftSeen = now.draftRequest;
        focusSeen = now.focusRequest;
        setOpen(true);
      }
      const change = now.lastRemoteChange;
      if (!change || change.seq === announcedSeq) return;
      const live = now.threads.find((item) => item.thread.id === change.threadId);
      if (!live) return;
      announcedSeq = change.seq;
      const clause = controller.clauseName(live.anchor.clause ?? live.anchor.original);
      const last =
        change.change === 'replied'
          ? (live.thread.replies.at(-1) ?? live.thread.comment)
          : live.thread.comment;
      setAnnouncement(
        change.change === 'replied'
          ? t('comments.live.reply', { name: last.author.name, clause })
          : t('comments.live.created', { name: last.author.name, clause }),
      );
    });
  }, [controller, t]);

  // the composer (or why it could not open) takes the focus
  useEffect(() => {
    if (state.draftRequest === 0) return;
    requestAnimationFrame(() => {
      const target = composerRef.current?.querySelector<HTMLElement>('textarea, [role="alert"]');
      target?.focus();
      composerRef.current?.scrollIntoView({ block: 'nearest' });
    });
  }, [state.draftRequest]);

  // the thread selected in the text (or just posted) comes into view; focus moves on request
  const lastFocus = useRef(0);
  useEffect(() => {
    const id = state.activeThreadId;
    if (!id) return;
    const focus = state.focusRequest !== lastFocus.current;
    lastFocus.current = state.focusRequest;
    requestAnimationFrame(() => {
      const element = listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
      if (!element) return;
      element.scrollIntoView({ block: 'nearest' });
      if (focus) element.focus({ preventScroll: true });
    });
  }, [state.activeThreadId, state.focusRequest]);

  const visible = useMemo(
    () => state.threads.filter((item) => matchesFilters(item, filters)),
    [state.threads, filters],
  );
  const openCount = useMemo(
    () => state.threads.filter((item) => item.thread.status === 'open').length,
    [state.threads],
  );
  const draft = state.draft;
  const clauseNameOf = useCallback(
    (anchor: ResolvedAnchor) => controller.clauseName(anchor.clause ?? anchor.original),
    [controller],
  );

  return (
    <>
      <button
        type="button"
        className="comments-toggle button button--primary"
        aria-expanded={open}
        aria-controls={`${headingId}-aside`}
        onClick={() => setOpen((value) => !value)}
      >
        {t('comments.toggle', { count: openCount })}
      </button>
      <aside
        id={`${headingId}-aside`}
        className={open ? 'comments-sidebar comments-sidebar--open' : 'comments-sidebar'}
        aria-labelledby={headingId}
        data-testid="comments-sidebar"
      >
        <div className="comments-sidebar__header">
          <h2 id={headingId} className="comments-sidebar__title">
            {t('comments.title')}
            {state.status === 'ready' && (
              <span className="panel__count" data-testid="comments-count">
                {t('comments.count', { open: openCount, total: state.threads.length })}
              </span>
            )}
          </h2>
          <button
            type="button"
            className="button button--quiet button--small comments-sidebar__close"
            onClick={() => setOpen(false)}
          >
            {t('comments.close')}
          </button>
        </div>

        {canComment && (
          <div className="comments-sidebar__new">
            <button
              type="button"
              className="button button--small"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => controller.openComposer()}
              aria-keyshortcuts="Alt+Control+M"
            >
              {t('comments.newComment')}
            </button>
            <span className="comments-sidebar__hint">
              {t('comments.newCommentHint', { shortcut: t('comments.shortcut') })}
            </span>
          </div>
        )}
        {state.viewer && !canComment && (
          <p className="comments-sidebar__readonly" data-testid="comments-readonly">
            {t('comments.readOnly')}
          </p>
        )}

        <div ref={composerRef}>
          {state.draftError && (
            <Alert tone="warning">
              <span tabIndex={-1} role="alert">
                {t(state.draftError)}
              </span>
            </Alert>
          )}
          {draft && canComment && (
            <div className="new-thread" data-testid="new-thread">
              <p className="new-thread__target">
                {draft.quote
                  ? t('comments.composer.onRange', {
                      clause: draft.label ?? t('comments.thread.unnumberedClause'),
                    })
                  : t('comments.composer.onClause', {
                      clause: draft.label ?? t('comments.thread.unnumberedClause'),
                    })}
              </p>
              {draft.quote && <blockquote className="quote">{draft.quote}</blockquote>}
              <NewThreadComposer
                key={state.draftRequest}
                canCreateTeamThreads={state.viewer?.canCreateTeamThreads ?? false}
                members={members}
                onCancel={() => controller.closeComposer()}
                onSubmit={async (body, teamOnly) => {
                  const answer = await accordApi.createThread(documentId, {
                    anchor: draft.anchor,
                    body,
                    ...(teamOnly ? { visibility: 'team' as const } : {}),
                  });
                  controller.applyThread(answer.thread);
                  controller.closeComposer();
                  setFilters(EMPTY_FILTERS);
                  setAnnouncement(t('comments.posted'));
                  controller.activate(answer.thread.id, { focus: true });
                }}
              />
            </div>
          )}
        </div>

        {state.status === 'ready' && state.threads.length > 0 && (
          <CommentFilters
            threads={state.threads}
            filters={filters}
            onChange={setFilters}
            clauseName={clauseNameOf}
          />
        )}

        <div className="visually-hidden" aria-live="polite" data-testid="comments-announcer">
          {announcement}
        </div>

        {state.status === 'loading' && <LoadingState label={t('comments.loading')} compact />}
        {state.status === 'failed' && (
          <Alert tone="error">
            <p>{errorMessage(state.error)}</p>
            <button type="button" className="button button--small" onClick={() => void controller.load()}>
              {t('comments.retry')}
            </button>
          </Alert>
        )}
        {state.status === 'ready' && state.threads.length === 0 && (
          <p className="comments-sidebar__empty">
            {canComment ? t('comments.emptyCanComment') : t('comments.empty')}
          </p>
        )}
        {state.status === 'ready' && state.threads.length > 0 && visible.length === 0 && (
          <p className="comments-sidebar__empty">{t('comments.noMatch')}</p>
        )}
        <ThreadList
          listRef={listRef}
          threads={visible}
          controller={controller}
          members={members}
          activeId={state.activeThreadId}
        />
      </aside>
    </>
  );
}

/** Threads render in pages as the reader scrolls: a thousand comments open quickly. */
const PAGE = 60;

function ThreadList({
  listRef,
  threads,
  controller,
  members,
  activeId,
}: {
  listRef: React.RefObject<HTMLOListElement | null>;
  threads: LiveThread[];
  controller: ReturnType<typeof commentsControllerFor>;
  members: MentionCandidate[];
  activeId: string | null;
}) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useRef<HTMLLIElement>(null);
  const activeIndex = activeId ? threads.findIndex((item) => item.thread.id === activeId) : -1;
  const shown = Math.max(limit, activeIndex + 10);

  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((value) => value + PAGE);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, threads.length]);

  if (threads.length === 0) return null;
  return (
    <ol ref={listRef} className="comments-sidebar__list" aria-label={t('comments.listLabel')}>
      {threads.slice(0, shown).map((item) => (
        <li key={item.thread.id}>
          <ThreadCard
            live={item}
            controller={controller}
            members={members}
            active={item.thread.id === activeId}
          />
        </li>
      ))}
      {shown < threads.length && (
        <li ref={sentinel} className="comments-sidebar__more">
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => setLimit((v) => v + PAGE)}
          >
            {t('comments.showMore', { count: threads.length - shown })}
          </button>
        </li>
      )}
    </ol>
  );
}

function NewThreadComposer({
  canCreateTeamThreads,
  members,
  onSubmit,
  onCancel,
}: {
  canCreateTeamThreads: boolean;
  members: MentionCandidate[];
  onSubmit: (body: string, teamOnly: boolean) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [teamOnly, setTeamOnly] = useState(false);
  return (
    <CommentComposer
      label={t('comments.composer.label')}
      submitLabel={t('comments.composer.post')}
      members={members}
      autoFocus
      testId="thread-composer"
      onCancel={onCancel}
      onSubmit={(body) => onSubmit(body, teamOnly)}
    >
      {canCreateTeamThreads && (
        <label className="comment-composer__check">
          <input type="checkbox" checked={teamOnly} onChange={(event) => setTeamOnly(event.target.checked)} />
          {t('comments.composer.teamOnly')}
        </label>
      )}
    </CommentComposer>
  );
}
