import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import type { ClauseContent } from '@accord/shared';

export const AMENDMENT_EVENT_TYPES = [
  'cosponsor',
  'revise',
  'withdraw',
  'accept',
  'reject',
  'apply_failed',
] as const;
export type AmendmentEventType = (typeof AMENDMENT_EVENT_TYPES)[number];

/**
 * Something that happened to an amendment, insert-only under `<amendmentId>:<seq>` (seq from 1):
 * the unique `_id` is the compare-and-swap, so of two concurrent decisions one is stored and the
 * other answers 409.
 */
export interface AmendmentEventRecord {
  _id: string;
  amendmentId: Types.ObjectId;
  documentId: Types.ObjectId;
  seq: number;
  type: AmendmentEventType;
  /** revise: the clause's wording the revision was made against; accept: as it was when applied */
  base: ClauseContent | null;
  /** revise: the new proposal; accept with changes: the wording applied */
  proposal: ClauseContent | null;
  /** revise: a new justification; reject: the reason; accept: an optional note */
  note: string | null;
  actorId: Types.ObjectId;
  actorName: string;
  organisationId: Types.ObjectId | null;
  organisationName: string | null;
  country: string | null;
  at: Date;
}

/**
 * As stored: clause content as JSON text (FerretDB 1.24 refuses nested arrays, and paragraphs of
 * runs are arrays of arrays).
 */
export type StoredAmendmentEvent = Omit<AmendmentEventRecord, 'base' | 'proposal'> & {
  base: string | null;
  proposal: string | null;
};

export function toStoredAmendmentEvent(record: AmendmentEventRecord): StoredAmendmentEvent {
  return {
    ...record,
    base: record.base ? JSON.stringify(record.base) : null,
    proposal: record.proposal ? JSON.stringify(record.proposal) : null,
  };
}

export function fromStoredAmendmentEvent(stored: StoredAmendmentEvent): AmendmentEventRecord {
  return {
    ...stored,
    base: stored.base ? (JSON.parse(stored.base) as ClauseContent) : null,
    proposal: stored.proposal ? (JSON.parse(stored.proposal) as ClauseContent) : null,
  };
}

const schema = new Schema<StoredAmendmentEvent>(
  {
    _id: { type: String, required: true },
    amendmentId: { type: Schema.Types.ObjectId, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    type: { type: String, enum: AMENDMENT_EVENT_TYPES, required: true },
    base: { type: String, default: null },
    proposal: { type: String, default: null },
    note: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorName: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    organisationName: { type: String, default: null },
    country: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'amendment_events', versionKey: false, strict: 'throw', minimize: false },
);
schema.index({ documentId: 1 });

export const AmendmentEvent = mongoose.model<StoredAmendmentEvent>('AmendmentEvent', schema);
