import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentedThread } from '@accord/shared';
import { accordApi } from '../api/accordApi';
import { useDateFormat } from '../i18n/useDateFormat';
import { OmittedReplies } from './OmittedReplies';
import { ActionError } from './ActionError';
import { AnchorBadge, AnchorNote } from './AnchorNote';
import { CommentComposer, type MentionCandidate } from './CommentComposer';
import { CommentView } from './CommentView';
import { DispositionControl } from './DispositionControl';
import type { DocumentComments } from './DocumentComments';
import type { LiveThread } from './orderThreads';
import { useThreadAction } from './useThreadAction';
import { personName } from '../components/personName';

interface ThreadCardProps {
  live: LiveThread;
  comments: DocumentComments;
  members: MentionCandidate[];
  active: boolean;
}

/** One thread: where it points (and what became of that text), the comment, replies, actions. */
export const ThreadCard = memo(function ThreadCard({ live, comments, members, active }: ThreadCardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { thread, anchor } = live;
  const [replying, setReplying] = useState(false);
  const { busy, error, run } = useThreadAction(comments.store);
  const clause = comments.clauseName(anchor.clause ?? anchor.original);

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
        comments.activate(thread.id, { reveal: true });
      }}
    >
      <header className="thread__header">
        <h3 id={headingId} className="thread__heading">
          {t('comments.thread.heading', { author: personName(t, thread.comment.author.name), clause })}
        </h3>
        <div className="thread__badges">
          {thread.status === 'resolved' && (
            <span className="badge badge--resolved" data-testid="thread-resolved">
              {t('comments.thread.resolved')}
            </span>
          )}
          {thread.visibility === 'team' && (
            <span className="badge badge--team">
              {t(thread.seenAsAuthor ? 'comments.thread.teamAndAuthor' : 'comments.thread.teamOnly')}
            </span>
          )}
          <AnchorBadge anchor={anchor} />
        </div>
      </header>
      <AnchorNote anchor={anchor} clauseName={comments.clauseName} />
      <button
        type="button"
        className="button button--quiet button--small thread__reveal"
        onClick={() => comments.activate(thread.id, { reveal: true })}
        aria-label={t('comments.thread.showInTextLabel', { clause })}
      >
        {t('comments.thread.showInText')}
      </button>

      <CommentView comment={thread.comment} store={comments.store} members={members} />
      {thread.replies.length > 0 && (
        <ol
          className="thread__replies"
          aria-label={t('comments.thread.replies', { count: thread.replies.length })}
        >
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} store={comments.store} members={members} />
            </li>
          ))}
        </ol>
      )}
      {thread.repliesOmitted !== undefined && thread.repliesOmitted > 0 && (
        <OmittedReplies threadId={thread.id} count={thread.repliesOmitted} store={comments.store} />
      )}

      {thread.status === 'resolved' && thread.resolvedBy && thread.resolvedAt && (
        <ResolvedNote thread={thread} />
      )}

      {(thread.disposition || thread.canRecordDisposition) && (
        <DispositionControl thread={thread} store={comments.store} />
      )}

      {replying && (
        <CommentComposer
          label={t('comments.thread.replyLabel', { author: personName(t, thread.comment.author.name) })}
          submitLabel={t('comments.thread.sendReply')}
          members={members}
          autoFocus
          testId="reply-composer"
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            await comments.store.write(() => accordApi.replyToThread(thread.id, body));
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
            className="button button--small"
            disabled={busy}
            onClick={() =>
              run(() =>
                accordApi.setThreadVisibility(thread.id, thread.visibility === 'team' ? 'all' : 'team'),
              )
            }
          >
            {t(thread.visibility === 'team' ? 'comments.thread.showToAll' : 'comments.thread.limitToTeam')}
          </button>
        )}
      </div>
      <ActionError error={error} />
    </article>
  );
});

function ResolvedNote({ thread }: { thread: PresentedThread }) {
  const { t } = useTranslation();
  const format = useDateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p className="thread__resolved-note">
      {t('comments.thread.resolvedBy', {
        name: personName(t, thread.resolvedBy!.name),
        time: format.format(new Date(thread.resolvedAt!)),
      })}
    </p>
  );
}
