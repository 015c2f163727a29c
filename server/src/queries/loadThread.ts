import { Types } from 'mongoose';
import { Comment, type CommentRecord } from '../models/Comment.js';
import { CommentEvent, type CommentEventRecord } from '../models/CommentEvent.js';
import { buildThreads, type ThreadData } from '../comments/ThreadData.js';
import { commentCache } from '../comments/CommentCache.js';

/**
 * One thread with its replies and events, or null. From the in-memory copy when it has the
 * thread; otherwise (written by another server process a moment ago) from the database, merged
 * into the copy.
 */
export async function loadThread(documentId: string, threadId: string): Promise<ThreadData | null> {
  const cached = await commentCache.readThread(documentId, threadId);
  let { comments, events } = cached;
  if (!comments.some((c) => c._id.toHexString() === threadId)) {
    const id = new Types.ObjectId(threadId);
    [comments, events] = await Promise.all([
      Comment.find({ threadId: id }).lean<CommentRecord[]>(),
      CommentEvent.find({ threadId: id }).lean<CommentEventRecord[]>(),
    ]);
    comments = comments.filter((c) => c.documentId.toHexString() === documentId);
    for (const comment of comments) commentCache.addComment(comment);
    commentCache.addEvents(documentId, events);
  }
  return buildThreads(comments, events).find((thread) => thread.id === threadId) ?? null;
}
