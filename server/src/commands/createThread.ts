import { Types } from 'mongoose';
import { AnchorResolver, type CreateThreadBody, type Role } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import { Comment, type CommentRecord, type StoredAnchorRecord } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { commentCache } from '../comments/CommentCache.js';
import type { DocumentRecord } from '../models/Document.js';
import { Forbidden } from '../errors/ApiError.js';
import { InvalidAnchor } from '../errors/InvalidAnchor.js';
import { canCreateTeamThreads } from '../permissions/commentPermissions.js';
import { checkMentions } from '../queries/checkMentions.js';
import { authorSnapshot } from '../queries/authorSnapshot.js';
import { notifyMentions } from './notifyMentions.js';
import { broadcastCommentChange } from '../comments/broadcastCommentChange.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Opens a thread: checks the anchor against the document's current text (the clause must exist;
 * a range must lie inside it),
 * snapshots where the clause stands, stores the first revision and then the comment (so a
 * comment is never visible without its text), notifies mentions, records and broadcasts it.
 */
export async function createThread(
  ctx: CommandContext,
  document: DocumentRecord,
  role: Role,
  input: CreateThreadBody,
): Promise<string> {
  const visibility = input.visibility ?? 'all';
  if (visibility === 'team' && !canCreateTeamThreads(role)) {
    throw new Forbidden('Only drafters and coordinators can open drafting-team threads.');
  }
  const documentId = document._id.toHexString();
  const mentioned = await checkMentions(documentId, input.body);
  const anchor = input.anchor;
  const clause = await checkAnchor(ctx, document, anchor);
  const storedAnchor: StoredAnchorRecord = {
    kind: anchor.kind,
    clauseId: anchor.clauseId,
    start: anchor.kind === 'range' ? Buffer.from(anchor.start, 'base64') : null,
    end: anchor.kind === 'range' ? Buffer.from(anchor.end, 'base64') : null,
    // the text the author saw and commented on (if the server's copy already differs, the
    // comment shows as edited at once, which is the truth)
    quote: anchor.kind === 'range' ? anchor.quote : null,
    clause: { ...clause },
    versionNumber: null,
  };

  const id = new Types.ObjectId();
  const actorId = new Types.ObjectId(ctx.actor.id);
  const now = new Date();
  const first = await CommentEvent.create({
    commentId: id,
    threadId: id,
    documentId: document._id,
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
    documentId: document._id,
    threadId: id,
    parentId: null,
    authorId: actorId,
    author: await authorSnapshot(ctx.actor),
    anchor: storedAnchor,
    visibility,
    createdAt: now,
  };
  await Comment.create(record);
  commentCache.addEvents(record.documentId.toHexString(), [first.toObject()]);
  commentCache.addComment(record);

  const commentId = id.toHexString();
  await notifyMentions(ctx, {
    documentId,
    threadId: commentId,
    commentId,
    revision: 1,
    visibility,
    mentioned,
  });
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'comment.created',
    documentId,
    data: { commentId, clauseId: anchor.clauseId, kind: anchor.kind, visibility },
  });
  broadcastCommentChange(
    ctx.collab,
    { documentId, threadId: commentId, commentId, change: 'created', actorId: ctx.actor.id },
    visibility,
  );
  return commentId;
}

/** How long a range whose text the server does not have yet may take to arrive. */
const PENDING_WAIT_MS = 1_000;

/**
 * The clause snapshot of a valid anchor. A range whose positions the server does not know yet
 * (the author's own edits still on their way) is checked again for up to a second, then refused.
 */
async function checkAnchor(
  ctx: CommandContext,
  document: DocumentRecord,
  anchor: CreateThreadBody['anchor'],
) {
  const documentId = document._id.toHexString();
  const deadline = Date.now() + PENDING_WAIT_MS;
  for (;;) {
    const result = await ctx.collab.withDocument(documentId, (doc) => {
      const resolver = new AnchorResolver(doc, document.language);
      const snapshot = resolver.snapshot(anchor.clauseId);
      if (!snapshot) throw new InvalidAnchor('The document has no clause with this id.');
      if (anchor.kind === 'clause') return snapshot;
      const check = resolver.checkRange(anchor.clauseId, anchor.start, anchor.end);
      if (check === 'outside') throw new InvalidAnchor('The range does not lie inside the clause.');
      if (check === 'empty') throw new InvalidAnchor('The range encloses no text.');
      if (check === 'malformed') throw new InvalidAnchor('The range positions cannot be read.');
      return check === 'ok' ? snapshot : null;
    });
    if (result) return result;
    if (Date.now() >= deadline) throw new InvalidAnchor('The range is not in the document.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
