import { Types } from 'mongoose';
import type { CommandContext } from './CommandContext.js';
import { Comment, type CommentRecord, type StoredAnchorRecord } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { commentCache } from '../comments/CommentCache.js';
import { broadcastCommentChange } from '../comments/broadcastCommentChange.js';
import { authorSnapshot } from '../queries/authorSnapshot.js';
import { notifyMentions } from './notifyMentions.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import type { ThreadAudience } from '../permissions/commentPermissions.js';

export interface NewComment {
  documentId: Types.ObjectId;
  /** the thread's first comment, for a reply; null opens a thread (its first comment is its id) */
  parentId: Types.ObjectId | null;
  anchor: StoredAnchorRecord | null;
  /** who sees the thread (a reply follows its thread's) */
  audience: ThreadAudience;
  body: string;
  /** the members the body @mentions, checked (checkMentions) */
  mentioned: string[];
  /** recorded in the audit event after the new comment's id */
  auditData: Record<string, unknown>;
}

/**
 * Stores a new comment — the first of a thread or a reply — and tells everyone: its first
 * revision, then the comment (so a comment is never visible without its text), into this
 * process's comment cache, notifies mentions, records and broadcasts it. Returns its id.
 */
export async function addComment(ctx: CommandContext, input: NewComment): Promise<string> {
  const id = new Types.ObjectId();
  const threadId = input.parentId ?? id;
  const actorId = new Types.ObjectId(ctx.actor.id);
  const now = new Date();
  const first = await CommentEvent.create({
    commentId: id,
    threadId,
    documentId: input.documentId,
    seq: 1,
    type: 'revision',
    revision: 1,
    body: input.body,
    actorId,
    actorName: ctx.actor.name,
    at: now,
  });
  const record: CommentRecord = {
    _id: id,
    documentId: input.documentId,
    threadId,
    parentId: input.parentId,
    authorId: actorId,
    author: await authorSnapshot(ctx.actor),
    anchor: input.anchor,
    // a reply's own record says "all": who sees it is its thread's first comment's visibility
    visibility: input.parentId ? 'all' : input.audience.visibility,
    createdAt: now,
  };
  await Comment.create(record);
  const documentId = input.documentId.toHexString();
  commentCache.addEvents(documentId, [first.toObject()]);
  commentCache.addComment(record);

  const commentId = id.toHexString();
  const thread = threadId.toHexString();
  await notifyMentions(ctx, {
    documentId,
    threadId: thread,
    commentId,
    revision: 1,
    audience: input.audience,
    mentioned: input.mentioned,
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: input.parentId ? 'comment.replied' : 'comment.created',
    documentId,
    data: { commentId, ...input.auditData },
  });
  broadcastCommentChange(
    ctx.collab,
    {
      documentId,
      threadId: thread,
      commentId,
      change: input.parentId ? 'replied' : 'created',
      actorId: ctx.actor.id,
    },
    input.audience,
  );
  return commentId;
}
