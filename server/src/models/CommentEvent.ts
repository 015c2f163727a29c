import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import {
  COMMENT_DISPOSITIONS,
  COMMENT_VISIBILITIES,
  type CommentDisposition,
  type CommentVisibility,
} from '@accord/shared';

export const COMMENT_EVENT_TYPES = [
  'revision',
  'delete',
  'restore',
  'resolve',
  'reopen',
  'visibility',
  'disposition',
] as const;
export type CommentEventType = (typeof COMMENT_EVENT_TYPES)[number];

/**
 * One change of one comment, insert-only under the unique (commentId, seq) key (DESIGN.md §2):
 * a writer reads the comment's events, then inserts seq = last + 1; the unique index is the
 * compare-and-swap, so of two concurrent changes exactly one takes a given seq and the other
 * re-reads (and retries, or answers 409 comment_conflict when its edit is stale). The current
 * state of a comment is its events folded in seq order; nothing is ever updated or removed.
 *
 * - revision: a text (seq 1 is the text as first written); `revision` counts them 1, 2, …
 * - delete / restore: soft deletion (the text stays in the revisions);
 * - resolve / reopen / visibility: thread state, recorded on the thread's first comment;
 * - disposition: a coordinator's answer to the thread (accepted, not accepted, … with a reason),
 *   also on the first comment; the latest one counts, the earlier ones are its history.
 */
export interface CommentEventRecord {
  _id: Types.ObjectId;
  commentId: Types.ObjectId;
  threadId: Types.ObjectId;
  documentId: Types.ObjectId;
  seq: number;
  type: CommentEventType;
  revision: number | null;
  body: string | null;
  visibility: CommentVisibility | null;
  /** disposition events only (absent from records written before dispositions existed) */
  disposition?: CommentDisposition | null;
  reason?: string | null;
  actorId: Types.ObjectId;
  actorName: string;
  at: Date;
}

const schema = new Schema<CommentEventRecord>(
  {
    commentId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true, min: 1 },
    type: { type: String, enum: COMMENT_EVENT_TYPES, required: true },
    revision: { type: Number, default: null },
    body: { type: String, default: null },
    visibility: { type: String, enum: COMMENT_VISIBILITIES, default: null },
    disposition: { type: String, enum: COMMENT_DISPOSITIONS, default: null },
    reason: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorName: { type: String, required: true },
    at: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'comment_events', strict: 'throw', versionKey: false, minimize: false },
);

schema.index({ commentId: 1, seq: 1 }, { unique: true });
schema.index({ documentId: 1 });
schema.index({ threadId: 1 });

export const CommentEvent = mongoose.model<CommentEventRecord>('CommentEvent', schema);
