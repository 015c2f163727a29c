import type { CommentRecord } from '../models/Comment.js';
import type { CommentEventRecord } from '../models/CommentEvent.js';
import { foldComment, type CommentState } from './foldComment.js';

/** A thread as read from the database: its first comment and the replies, each folded. */
export interface ThreadData {
  id: string;
  documentId: string;
  root: CommentState;
  replies: CommentState[];
  updatedAt: Date;
}

/**
 * Groups comments and their events into threads, oldest thread first, replies oldest first.
 * Replies whose first comment is missing are not shown (cannot happen: the first comment is
 * written before any reply can name it). Events of comments not given are ignored.
 */
export function buildThreads(comments: CommentRecord[], events: CommentEventRecord[]): ThreadData[] {
  const eventsByComment = new Map<string, CommentEventRecord[]>();
  for (const event of events) {
    const key = event.commentId.toHexString();
    let list = eventsByComment.get(key);
    if (!list) eventsByComment.set(key, (list = []));
    list.push(event);
  }
  const threads = new Map<string, ThreadData>();
  const replies: CommentState[] = [];
  const sorted = [...comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || cmp(a, b));
  for (const record of sorted) {
    const id = record._id.toHexString();
    const state = foldComment(record, eventsByComment.get(id) ?? []);
    if (record.parentId === null) {
      threads.set(id, {
        id,
        documentId: record.documentId.toHexString(),
        root: state,
        replies: [],
        updatedAt: state.updatedAt,
      });
    } else {
      replies.push(state);
    }
  }
  for (const reply of replies) {
    const thread = threads.get(reply.record.threadId.toHexString());
    if (!thread) continue;
    thread.replies.push(reply);
    if (reply.updatedAt > thread.updatedAt) thread.updatedAt = reply.updatedAt;
  }
  return [...threads.values()];
}

function cmp(a: CommentRecord, b: CommentRecord): number {
  const x = a._id.toHexString();
  const y = b._id.toHexString();
  return x < y ? -1 : x > y ? 1 : 0;
}
