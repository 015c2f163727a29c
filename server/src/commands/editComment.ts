import { extractMentions } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { ThreadData } from '../comments/ThreadData.js';
import type { CommentState } from '../comments/foldComment.js';
import { Conflict } from '../errors/ApiError.js';
import { CommentConflict } from '../errors/CommentConflict.js';
import { appendCommentEvent } from '../comments/appendCommentEvent.js';
import { checkMentions } from '../queries/checkMentions.js';
import { threadAudience } from '../permissions/commentPermissions.js';
import { notifyMentions } from './notifyMentions.js';
import { broadcastCommentChange } from '../comments/broadcastCommentChange.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Stores a new revision of a comment. The edit is based on `baseRevision` when the client sends
 * it, else on the revision this request first read; if another revision landed meanwhile, the
 * edit is refused with 409 comment_conflict carrying the current text (never silently lost or
 * overwritten). Other changes (resolve, ...) racing with it only make it retry.
 */
export async function editComment(
  ctx: CommandContext,
  thread: ThreadData,
  comment: CommentState,
  body: string,
  baseRevision?: number,
): Promise<void> {
  const documentId = thread.documentId;
  const commentId = comment.record._id.toHexString();
  const mentioned = await checkMentions(documentId, body);
  const base = baseRevision ?? comment.revision;
  let previousBody: string | null = null;
  const { appended, state } = await appendCommentEvent(documentId, commentId, ctx.actor, (current) => {
    if (current.deleted) throw new Conflict('This comment was deleted.');
    if (current.revision !== base)
      throw new CommentConflict({ revision: current.revision, body: current.body });
    if (current.body === body) return null;
    previousBody = current.body;
    return { type: 'revision', revision: current.revision + 1, body };
  });
  if (!appended) return;
  const audience = threadAudience(thread.root);
  await notifyMentions(ctx, {
    documentId,
    threadId: thread.id,
    commentId,
    revision: state.revision,
    audience,
    mentioned,
    previously: previousBody ? extractMentions(previousBody) : [],
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'comment.edited',
    documentId,
    data: { commentId, threadId: thread.id, revision: state.revision },
  });
  broadcastCommentChange(
    ctx.collab,
    { documentId, threadId: thread.id, commentId, change: 'edited', actorId: ctx.actor.id },
    audience,
  );
}
