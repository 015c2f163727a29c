import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedComment, PresentedThread, ResolvedAnchor } from '@accord/shared';
import { accordApi, type ThreadAnswer } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { useDateFormat } from '../i18n/useDateFormat';
import { useErrorMessage } from '../i18n/useErrorMessage';
import { CommentBody } from './CommentBody';
import { CommentComposer, type MentionCandidate } from './CommentComposer';
import type { CommentsController, LiveThread } from './CommentsController';
import { RevisionHistory } from './RevisionHistory';

interface ThreadCardProps {
  live: LiveThread;
  controller: CommentsController;
  members: MentionCandidate[];
  active: boolean;
}

/** One thread: where it points (and what became of that text), the comment, replies, actions. */
export const ThreadCard = memo(function ThreadCard({ live, controller, members, active }: ThreadCardProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const { thread, anchor } = live;
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clause = controller.clauseName(anchor.clause ?? anchor.original);

  const run = async (action: () => Promise<ThreadAnswer>) => {
    setBusy(true);
    setError(null);
    try {
      controller.applyThread((await action()).thread);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const classes = ['thread'];
  if (active) classes.push('thread--active');
  if (thread.status === 'resolved') classes.push('thread--resolved');
  return (
    <article
      className={classes.join(' ')}
      aria-labelledby={headingId}
      data-thread-id={thread.id}
      data-testid="comment-thread"
      tabIndex={-1}
      onClick={(event) => {
        // a click on the card (not on one of its controls) shows its place in the text
        if ((event.target as Element).closest('button, a, textarea, input, select, label')) return;
        controller.activate(thread.id, { reveal: true });
      }}
    >
      <header className="thread__header">
        <h3 id={headingId} className="thread__heading">
          {t('comments.thread.heading', { author: thread.comment.author.name, clause })}
        </h3>
        <div className="thread__badges">
          {thread.status === 'resolved' && (
            <span className="badge badge--resolved" data-testid="thread-resolved">
              {t('comments.thread.resolved')}
            </span>
          )}
          {thread.visibility === 'team' && (
            <span className="badge badge--team">{t('comments.thread.teamOnly')}</span>
          )}
          <AnchorBadge anchor={anchor} />
        </div>
      </header>
      <AnchorNote anchor={anchor} controller={controller} />
      <button
        type="button"
        className="button button--quiet button--small thread__reveal"
        onClick={() => controller.activate(thread.id, { reveal: true })}
        aria-label={t('comments.thread.showInTextLabel', { clause })}
      >
        {t('comments.thread.showInText')}
      </button>

      <CommentView comment={thread.comment} controller={controller} members={members} />
      {thread.replies.length > 0 && (
        <ol
          className="thread__replies"
          aria-label={t('comments.thread.replies', { count: thread.replies.length })}
        >
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} controller={controller} members={members} />
            </li>
          ))}
        </ol>
      )}

      {thread.status === 'resolved' && thread.resolvedBy && thread.resolvedAt && (
        <ResolvedNote thread={thread} />
      )}

      {replying && (
        <CommentComposer
          label={t('comments.thread.replyLabel', { author: thread.comment.author.name })}
          submitLabel={t('comments.thread.sendReply')}
          members={members}
          autoFocus
          testId="reply-composer"
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            controller.applyThread((await accordApi.replyToThread(thread.id, body)).thread);
            setReplying(false);
          }}
        />
      )}

      <div className="thread__actions">
        {thread.canReply && !replying && (
          <button type="button" className="button button--small" onClick={() => setReplying(true)}>
            {t('comments.thread.reply')}
          </button>
        )}
        {thread.status === 'open' && thread.canResolve && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => run(() => accordApi.resolveThread(thread.id))}
          >
            {t('comments.thread.resolve')}
          </button>
        )}
        {thread.status === 'resolved' && thread.canReopen && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => run(() => accordApi.reopenThread(thread.id))}
          >
            {t('comments.thread.reopen')}
          </button>
        )}
        {thread.canSetVisibility && (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={busy}
            aria-pressed={thread.visibility === 'team'}
            onClick={() =>
              run(() =>
                accordApi.setThreadVisibility(thread.id, thread.visibility === 'team' ? 'all' : 'team'),
              )
            }
          >
            {t('comments.thread.teamOnlyToggle')}
          </button>
        )}
      </div>
      {error !== null && (
        <p className="comment-composer__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </article>
  );
});

function ResolvedNote({ thread }: { thread: PresentedThread }) {
  const { t } = useTranslation();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p className="thread__resolved-note">
      {t('comments.thread.resolvedBy', {
        name: thread.resolvedBy!.name,
        time: format.format(new Date(thread.resolvedAt!)),
      })}
    </p>
  );
}

function AnchorBadge({ anchor }: { anchor: ResolvedAnchor }) {
  const { t } = useTranslation();
  if (anchor.state === 'attached') return null;
  return (
    <span className={`badge badge--${anchor.state}`} data-testid="anchor-state">
      {t(`comments.anchor.state.${anchor.state}`)}
    </span>
  );
}

/** What the comment points at, and what became of it. */
function AnchorNote({ anchor, controller }: { anchor: ResolvedAnchor; controller: CommentsController }) {
  const { t } = useTranslation();
  const was = controller.clauseName(anchor.original);
  const now = anchor.clause ? controller.clauseName(anchor.clause) : was;
  const movedNote =
    anchor.moved && anchor.clause && anchor.original.path !== anchor.clause.path ? (
      <p className="anchor-note__line">{t('comments.anchor.movedFrom', { was, now })}</p>
    ) : null;
  switch (anchor.state) {
    case 'edited':
      return (
        <div className="anchor-note anchor-note--edited" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.editedExplain')}</p>
          <p className="anchor-note__label">{t('comments.anchor.originalQuote')}</p>
          <blockquote className="quote quote--old" data-testid="old-quote">
            <del>{anchor.quote}</del>
          </blockquote>
          <p className="anchor-note__label">{t('comments.anchor.currentQuote')}</p>
          <blockquote className="quote" data-testid="current-quote">
            <ins>{anchor.currentQuote}</ins>
          </blockquote>
          {movedNote}
        </div>
      );
    case 'detached':
      return (
        <div className="anchor-note anchor-note--detached" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.detachedExplain', { clause: now })}</p>
          {anchor.quote && (
            <blockquote className="quote quote--old">
              <del>{anchor.quote}</del>
            </blockquote>
          )}
          {movedNote}
        </div>
      );
    case 'orphaned':
      return (
        <div className="anchor-note anchor-note--orphaned" data-testid="anchor-note">
          <p className="anchor-note__line">{t('comments.anchor.orphanedExplain', { clause: was })}</p>
          {anchor.quote && (
            <blockquote className="quote quote--old">
              <del>{anchor.quote}</del>
            </blockquote>
          )}
        </div>
      );
    default:
      return (
        <div className="anchor-note" data-testid="anchor-note">
          {anchor.quote && <blockquote className="quote">{anchor.quote}</blockquote>}
          {movedNote}
        </div>
      );
  }
}

function CommentView({
  comment,
  controller,
  members,
}: {
  comment: PresentedComment;
  controller: CommentsController;
  members: MentionCandidate[];
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const organisation = comment.author.organisation;

  const act = async (action: () => Promise<ThreadAnswer>) => {
    setBusy(true);
    setError(null);
    try {
      controller.applyThread((await action()).thread);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  };

  return (
    <div
      className={comment.deleted ? 'comment comment--deleted' : 'comment'}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      <p className="comment__meta">
        <span className="comment__author">{comment.author.name}</span>
        {organisation && (
          <span className="comment__org">
            {organisation.name} ({organisation.country})
          </span>
        )}
        <time dateTime={comment.createdAt} className="comment__time">
          {format.format(new Date(comment.createdAt))}
        </time>
        {comment.edited && (
          <span className="comment__edited" data-testid="edited-marker">
            {t('comments.comment.edited')}
          </span>
        )}
      </p>
      {comment.deleted && (
        <p className="comment__deleted-note">
          {comment.deletedBy
            ? t('comments.comment.deletedBy', { name: comment.deletedBy.name })
            : t('comments.comment.deleted')}
        </p>
      )}
      {editing ? (
        <CommentComposer
          label={t('comments.comment.editLabel')}
          submitLabel={t('comments.comment.saveEdit')}
          initialText={comment.body ?? ''}
          members={members}
          autoFocus
          testId="edit-composer"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            try {
              controller.applyThread(
                (await accordApi.editComment(comment.id, body, comment.revision)).thread,
              );
              setEditing(false);
            } catch (caught) {
              // someone changed it meanwhile: show their text, keep ours in the box
              if (caught instanceof ApiError && caught.status === 409) {
                const fresh = await accordApi.getThread(comment.id).catch(() => null);
                if (fresh) controller.applyThread(fresh.thread);
              }
              throw caught;
            }
          }}
        />
      ) : (
        comment.body !== null && <CommentBody body={comment.body} />
      )}
      {!editing && (
        <div className="comment__actions">
          {comment.edited && comment.canViewRevisions && (
            <button
              type="button"
              className="button button--quiet button--small"
              aria-expanded={history}
              onClick={() => setHistory((open) => !open)}
            >
              {t('comments.comment.history', { count: comment.revision })}
            </button>
          )}
          {comment.canEdit && !comment.deleted && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setEditing(true)}
            >
              {t('comments.comment.edit')}
            </button>
          )}
          {comment.canDelete &&
            !comment.deleted &&
            (confirmDelete ? (
              <>
                <button
                  type="button"
                  className="button button--danger button--small"
                  disabled={busy}
                  onClick={() => act(() => accordApi.deleteComment(comment.id))}
                >
                  {t('comments.comment.confirmDelete')}
                </button>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => setConfirmDelete(false)}
                >
                  {t('comments.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button--quiet button--small button--danger"
                onClick={() => setConfirmDelete(true)}
              >
                {t('comments.comment.delete')}
              </button>
            ))}
          {comment.deleted && comment.canRestore && (
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={busy}
              onClick={() => act(() => accordApi.restoreComment(comment.id))}
            >
              {t('comments.comment.restore')}
            </button>
          )}
        </div>
      )}
      {error !== null && (
        <p className="comment-composer__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {history && (
        <RevisionHistory
          key={`${comment.id}:${comment.revision}`}
          commentId={comment.id}
          revision={comment.revision}
        />
      )}
    </div>
  );
}
