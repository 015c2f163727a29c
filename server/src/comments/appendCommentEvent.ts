import { Types } from 'mongoose';
import { Comment, type CommentRecord } from '../models/Comment.js';
import { CommentEvent, type CommentEventRecord, type CommentEventType } from '../models/CommentEvent.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { Conflict, NotFound } from '../errors/ApiError.js';
import { foldComment, type CommentState } from './foldComment.js';
import { commentCache } from './CommentCache.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import type { CommentDisposition } from '@accord/shared';

export interface EventChange {
  type: CommentEventType;
  revision?: number;
  body?: string;
  visibility?: 'all' | 'team';
  disposition?: { value: CommentDisposition; reason: string | null };
}

export interface AppendedEvent {
  /** the comment's state after the change (or as it is, when `decide` asked for none) */
  state: CommentState;
  appended: CommentEventRecord | null;
}

/** Bounded: each retry means another change of this comment landed first. */
const ATTEMPTS = 20;

/**
 * Appends the next event of a comment, compare-and-swap style (DESIGN.md §2): read the events,
 * let `decide` look at the current state and name the change (or null for "nothing to do"; it
 * may also throw, e.g. 409 for a stale edit), insert it as seq = last + 1. The unique
 * (commentId, seq) index lets exactly one of two concurrent inserts take a seq; the loser reads
 * again and `decide`s again on the newer state.
 */
export async function appendCommentEvent(
  documentId: string,
  commentId: string,
  actor: AuthenticatedUser,
  decide: (state: CommentState) => EventChange | null,
): Promise<AppendedEvent> {
  const id = new Types.ObjectId(commentId);
  const cached = await commentCache.readComment(documentId, commentId);
  const record = cached.comment ?? (await Comment.findById(id).lean<CommentRecord>());
  if (!record) throw new NotFound('No such comment.');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // first from the in-memory copy; after losing a race, from the database (it has the winner)
    let events = cached.events;
    if (attempt > 0 || !cached.comment) {
      events = await CommentEvent.find({ commentId: id }).lean<CommentEventRecord[]>();
      commentCache.addEvents(documentId, events);
    }
    const state = foldComment(record, events);
    const change = decide(state);
    if (!change) return { state, appended: null };
    const event = {
      _id: new Types.ObjectId(),
      commentId: id,
      threadId: record.threadId,
      documentId: record.documentId,
      seq: state.lastSeq + 1,
      type: change.type,
      revision: change.revision ?? null,
      body: change.body ?? null,
      visibility: change.visibility ?? null,
      disposition: change.disposition?.value ?? null,
      reason: change.disposition?.reason ?? null,
      actorId: new Types.ObjectId(actor.id),
      actorName: actor.name,
      at: new Date(),
    } satisfies CommentEventRecord;
    try {
      await CommentEvent.create(event);
      commentCache.addEvents(documentId, [event]);
    } catch (error) {
      if (isDuplicateKeyError(error)) continue;
      throw error;
    }
    return { state: foldComment(record, [...state.events, event]), appended: event };
  }
  throw new Conflict('This comment is changing too quickly; try again.');
}
