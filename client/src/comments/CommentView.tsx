import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedComment } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { ApiError } from '../api/ApiError';
import { useDateFormat } from '../i18n/useDateFormat';
import { ActionError } from './ActionError';
import { CommentBody } from './CommentBody';
import { CommentComposer, type MentionCandidate } from './CommentComposer';
import { RevisionHistory } from './RevisionHistory';
import type { ThreadStore } from './ThreadStore';
import { useThreadAction } from './useThreadAction';
import { personName } from '../components/personName';

/** One comment of a thread: who wrote it, its text, and what the viewer may do with it. */
export function CommentView({
  comment,
  store,
  members,
}: {
  comment: PresentedComment;
  store: ThreadStore;
  members: MentionCandidate[];
}) {
  const { t } = useTranslation();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { busy, error, run: act } = useThreadAction(store, () => setConfirmDelete(false));
  const organisation = comment.author.organisation;

  return (
    <div
      className={comment.deleted ? 'comment comment--deleted' : 'comment'}
      data-testid="comment"
      data-comment-id={comment.id}
    >
      <p className="comment__meta">
        <span className="comment__author">{personName(t, comment.author.name)}</span>
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
            ? t('comments.comment.deletedBy', { name: personName(t, comment.deletedBy.name) })
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
              await store.write(() => accordApi.editComment(comment.id, body, comment.revision));
              setEditing(false);
            } catch (caught) {
              // someone changed it meanwhile: show their text, keep ours in the box
              if (caught instanceof ApiError && caught.status === 409) {
                const fresh = await accordApi.getThread(comment.id).catch(() => null);
                if (fresh) store.apply(fresh.thread);
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
      <ActionError error={error} />
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
