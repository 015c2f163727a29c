import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolvedAnchor } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { Alert } from '../components/Alert';
import { LoadingState } from '../components/LoadingState';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { CommentFilters, EMPTY_FILTERS, matchesFilters, type Filters } from './CommentFilters';
import type { DocumentComments } from './DocumentComments';
import type { DraftResult } from './draftFromSelection';
import { NewThreadPanel } from './NewThreadPanel';
import { ThreadList } from './ThreadList';
import { useCommentLink } from './useCommentLink';
import { useCommentsState } from './useCommentsState';
import { useComposerShortcut } from './useComposerShortcut';
import { useMentionCandidates } from './useMentionCandidates';
import type { PanelSheets } from '../phone/PanelSheets';
import { useOpenSheet } from '../phone/usePanelSheets';
import { useSheet } from '../phone/useSheet';
import './comments.css';
import { personName } from '../components/personName';

interface CommentsSidebarProps {
  comments: DocumentComments;
  documentId: string;
  /** narrow screens: whether the panel is open over the text (on a phone, a sheet) */
  sheets: PanelSheets;
}

/**
 * The comments of a document, next to its text: threads in document order, filters, the composer
 * for new comments, live updates from the collaboration socket.
 */
export function CommentsSidebar({ comments, documentId, sheets }: CommentsSidebarProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const state = useCommentsState(comments);
  const members = useMentionCandidates(documentId);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [announcement, setAnnouncement] = useState('');
  const open = useOpenSheet(sheets) === 'comments';
  const { ref: sheetRef, props: sheetProps, phone } = useSheet<HTMLElement>(sheets, 'comments');
  /** the composer's draft; `key` is new for each request, so the composer starts afresh */
  const [draft, setDraft] = useState<{ result: DraftResult; key: number } | null>(null);
  /** the thread to move focus to once it is rendered */
  const [focusTarget, setFocusTarget] = useState<{ threadId: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const composerRef = useRef<HTMLDivElement>(null);
  const canComment = state.viewer?.canComment ?? false;

  // what the text asks of the sidebar; requests open the panel on narrow screens
  useEffect(
    () =>
      comments.connectSidebar({
        openComposer: (result) => {
          sheets.open('comments');
          setDraft((current) => ({ result, key: (current?.key ?? 0) + 1 }));
        },
        focusThread: (threadId) => {
          sheets.open('comments');
          setFocusTarget({ threadId });
        },
        announce: (live, change) => {
          const clause = comments.clauseName(live.anchor.clause ?? live.anchor.original);
          const last =
            change === 'replied' ? (live.thread.replies.at(-1) ?? live.thread.comment) : live.thread.comment;
          setAnnouncement(
            t(change === 'replied' ? 'comments.live.reply' : 'comments.live.created', {
              name: personName(t, last.author.name),
              clause,
            }),
          );
        },
      }),
    [comments, sheets, t],
  );

  const openComposer = useCallback(() => comments.openComposer(), [comments]);
  useComposerShortcut(canComment, openComposer);
  const has = useCallback(
    (threadId: string) => state.threads.some((item) => item.thread.id === threadId),
    [state.threads],
  );
  const openLinked = useCallback(
    (threadId: string) => comments.activate(threadId, { focus: true, reveal: true }),
    [comments],
  );
  useCommentLink(has, openLinked);

  // the composer (or why it could not open) takes the focus
  const draftKey = draft?.key ?? 0;
  useEffect(() => {
    if (draftKey === 0) return;
    requestAnimationFrame(() => {
      const target = composerRef.current?.querySelector<HTMLElement>('textarea, [role="alert"]');
      target?.focus();
      composerRef.current?.scrollIntoView({ block: 'nearest' });
    });
  }, [draftKey]);

  // the thread selected in the text (or just posted) comes into view; focus moves on request
  const focused = useRef<{ threadId: string } | null>(null);
  useEffect(() => {
    const id = state.activeThreadId;
    if (!id) return;
    const focus = focusTarget !== focused.current && focusTarget?.threadId === id;
    if (focus) focused.current = focusTarget;
    requestAnimationFrame(() => {
      const element = listRef.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(id)}"]`);
      if (!element) return;
      element.scrollIntoView({ block: 'nearest' });
      if (focus) element.focus({ preventScroll: true });
    });
  }, [state.activeThreadId, focusTarget]);

  const visible = useMemo(
    () => state.threads.filter((item) => matchesFilters(item, filters)),
    [state.threads, filters],
  );
  const openCount = useMemo(
    () => state.threads.filter((item) => item.thread.status === 'open').length,
    [state.threads],
  );
  const clauseNameOf = useCallback(
    (anchor: ResolvedAnchor) => comments.clauseName(anchor.clause ?? anchor.original),
    [comments],
  );

  const post = async (body: string, teamOnly: boolean) => {
    if (!draft || 'error' in draft.result) return;
    const { anchor } = draft.result;
    const thread = await comments.store.write(() =>
      accordApi.createThread(documentId, {
        anchor,
        body,
        ...(teamOnly ? { visibility: 'team' as const } : {}),
      }),
    );
    setDraft(null);
    setFilters(EMPTY_FILTERS);
    setAnnouncement(t('comments.posted'));
    comments.activate(thread.id, { focus: true });
  };

  return (
    <>
      <button
        type="button"
        className="comments-toggle button button--primary"
        aria-expanded={open}
        aria-controls={`${headingId}-aside`}
        onClick={() => sheets.toggle('comments')}
      >
        {t('comments.toggle', { count: openCount })}
      </button>
      <aside
        ref={sheetRef}
        id={`${headingId}-aside`}
        className={open ? 'comments-sidebar comments-sidebar--open' : 'comments-sidebar'}
        aria-labelledby={headingId}
        data-testid="comments-sidebar"
        {...sheetProps}
      >
        <div className="comments-sidebar__header">
          <h2 id={headingId} className="comments-sidebar__title">
            {t('comments.title')}
            {state.status === 'ready' && (
              <span className="panel__count" data-testid="comments-count">
                {t('comments.count', { count: openCount, total: state.threads.length })}
              </span>
            )}
          </h2>
          <button
            type="button"
            className="button button--quiet button--small comments-sidebar__close"
            onClick={() => sheets.close()}
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
              onClick={openComposer}
              aria-keyshortcuts={phone ? undefined : 'Alt+Control+M'}
            >
              {t('comments.newComment')}
            </button>
            {/* a phone has no keyboard shortcut to offer */}
            <span className="comments-sidebar__hint">
              {phone
                ? t('phone.newCommentHint')
                : t('comments.newCommentHint', { shortcut: t('comments.shortcut') })}
            </span>
          </div>
        )}
        {state.viewer && !canComment && (
          <p className="comments-sidebar__readonly" data-testid="comments-readonly">
            {t('comments.readOnly')}
          </p>
        )}

        <div ref={composerRef}>
          {draft && (
            <NewThreadPanel
              key={draft.key}
              draft={draft.result}
              canComment={canComment}
              canCreateTeamThreads={state.viewer?.canCreateTeamThreads ?? false}
              members={members}
              onCancel={() => setDraft(null)}
              onSubmit={post}
            />
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
            <button type="button" className="button button--small" onClick={() => void comments.store.load()}>
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
          comments={comments}
          members={members}
          activeId={state.activeThreadId}
        />
      </aside>
    </>
  );
}
