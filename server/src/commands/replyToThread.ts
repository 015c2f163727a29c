import { Types } from 'mongoose';
import type { CommandContext } from './CommandContext.js';
import { Comment, type CommentRecord } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { commentCache } from '../comments/CommentCache.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { checkMentions } from '../queries/checkMentions.js';
import { authorSnapshot } from '../queries/authorSnapshot.js';
import { notifyMentions } from './notifyMentions.js';
import { broadcastCommentChange } from '../comments/broadcastCommentChange.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/** Adds a reply to a thread (replies are flat: their parent is the thread's first comment). */
export async function replyToThread(ctx: CommandContext, thread: ThreadData, body: string): Promise<string> {
  const documentId = thread.documentId;
  const mentioned = await checkMentions(documentId, body);
  const id = new Types.ObjectId();
  const threadId = thread.root.record._id;
  const actorId = new Types.ObjectId(ctx.actor.id);
  const now = new Date();
  const first = await CommentEvent.create({
    commentId: id,
    threadId,
    documentId: thread.root.record.documentId,
    seq: 1,
    type: 'revision',
    revision: 1,
    body,
    actorId,
    actorName: ctx.actor.name,
    at: now,
  });
  const record: CommentRecord = {
    _id: id,
    documentId: thread.root.record.documentId,
    threadId,
    parentId: threadId,
    authorId: actorId,
    author: await authorSnapshot(ctx.actor),
    anchor: null,
    visibility: 'all',
    createdAt: now,
  };
  await Comment.create(record);
  commentCache.addEvents(record.documentId.toHexString(), [first.toObject()]);
  commentCache.addComment(record);
  const commentId = id.toHexString();
  const visibility = thread.root.visibility;
  await notifyMentions(ctx, {
    documentId,
    threadId: thread.id,
    commentId,
    revision: 1,
    visibility,
    mentioned,
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'comment.replied',
    documentId,
    data: { commentId, threadId: thread.id },
  });
  broadcastCommentChange(
    ctx.collab,
    { documentId, threadId: thread.id, commentId, change: 'replied', actorId: ctx.actor.id },
    visibility,
  );
  return commentId;
}
