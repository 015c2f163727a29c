import { Types } from 'mongoose';
import { Comment } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { buildThreads, type ThreadData } from '../comments/ThreadData.js';

/** Every comment thread of a document with its events (two queries, no $lookup). */
export async function loadDocumentThreads(documentId: string): Promise<ThreadData[]> {
  const id = new Types.ObjectId(documentId);
  const [comments, events] = await Promise.all([
    Comment.find({ documentId: id }).lean(),
    CommentEvent.find({ documentId: id }, { documentId: 0 }).lean(),
  ]);
  return buildThreads(comments, events as never);
}
