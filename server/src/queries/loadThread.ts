import { Types } from 'mongoose';
import { Comment } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { buildThreads, type ThreadData } from '../comments/ThreadData.js';

/** One thread with its replies and events, or null. */
export async function loadThread(threadId: string): Promise<ThreadData | null> {
  const id = new Types.ObjectId(threadId);
  const [comments, events] = await Promise.all([Comment.find({ threadId: id }).lean(), CommentEvent.find({ threadId: id }).lean()]);
  return buildThreads(comments, events).find((thread) => thread.id === threadId) ?? null;
}
