import { Comment } from '../models/Comment.js';
import { NotFound } from '../errors/ApiError.js';
import { authorizeDocument, type AuthorizedDocument } from '../permissions/index.js';
import { canSeeThread, threadAudience, type CommentViewer } from '../permissions/commentPermissions.js';
import type { CommentState } from '../comments/foldComment.js';
import type { ThreadData } from '../comments/ThreadData.js';
import { commentCache } from '../comments/CommentCache.js';
import { loadThread } from './loadThread.js';

export interface CommentForViewer extends AuthorizedDocument {
  viewer: CommentViewer;
  thread: ThreadData;
  /** the comment the request names (the thread's first comment or a reply) */
  comment: CommentState;
}

const NOT_FOUND = 'No such comment.';

/**
 * Loads a comment with its thread for a user who may read it: 404 for a missing comment, a
 * document the user is not a member of, or a thread they may not see (team-only), so none of
 * them reveals that the comment exists.
 */
export async function findCommentForViewer(userId: string, commentId: string): Promise<CommentForViewer> {
  let documentId = commentCache.documentIdOf(commentId);
  let threadId: string | undefined;
  if (!documentId) {
    const record = await Comment.findById(commentId, { documentId: 1, threadId: 1 }).lean();
    if (!record) throw new NotFound(NOT_FOUND);
    documentId = record.documentId.toHexString();
    threadId = record.threadId.toHexString();
  }
  let authorized: AuthorizedDocument;
  try {
    authorized = await authorizeDocument(userId, documentId, 'read');
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound(NOT_FOUND);
    throw error;
  }
  threadId ??= (await commentCache.readComment(documentId, commentId)).comment?.threadId.toHexString();
  if (!threadId) throw new NotFound(NOT_FOUND);
  const thread = await loadThread(documentId, threadId);
  if (!thread || !canSeeThread({ userId, role: authorized.role }, threadAudience(thread.root)))
    throw new NotFound(NOT_FOUND);
  const comment =
    thread.root.record._id.toHexString() === commentId
      ? thread.root
      : thread.replies.find((r) => r.record._id.toHexString() === commentId);
  if (!comment) throw new NotFound(NOT_FOUND);
  return { ...authorized, viewer: { userId, role: authorized.role }, thread, comment };
}
