import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import {
  AMENDMENT_KINDS,
  AMENDMENT_POSITIONS,
  type AmendmentKind,
  type AmendmentPosition,
  type ClauseContent,
} from '@accord/shared';

/**
 * A tabled amendment, insert-only: what it amends and its first revision (base and proposal).
 * Everything that happens to it later is an AmendmentEvent under (amendmentId, seq).
 */
export interface AmendmentRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  clauseId: string;
  kind: AmendmentKind;
  position: AmendmentPosition | null;
  /** insert: the node type of the new clause */
  clauseType: string | null;
  /** the clause's wording at tabling (null for insertions) */
  base: ClauseContent | null;
  /** the proposed wording (null for deletions) */
  proposal: ClauseContent | null;
  justification: string;
  authorId: Types.ObjectId;
  authorName: string;
  /** the author's organisation at tabling: the amendment is tabled on its behalf */
  organisationId: Types.ObjectId | null;
  organisationName: string | null;
  country: string | null;
  at: Date;
}

/**
 * As stored: clause content as JSON text (FerretDB 1.24 refuses nested arrays, and paragraphs of
 * runs are arrays of arrays).
 */
export type StoredAmendment = Omit<AmendmentRecord, 'base' | 'proposal'> & {
  base: string | null;
  proposal: string | null;
};

export function toStoredAmendment(record: AmendmentRecord): StoredAmendment {
  return {
    ...record,
    base: record.base ? JSON.stringify(record.base) : null,
    proposal: record.proposal ? JSON.stringify(record.proposal) : null,
  };
}

export function fromStoredAmendment(stored: StoredAmendment): AmendmentRecord {
  return {
    ...stored,
    base: stored.base ? (JSON.parse(stored.base) as ClauseContent) : null,
    proposal: stored.proposal ? (JSON.parse(stored.proposal) as ClauseContent) : null,
  };
}

const schema = new Schema<StoredAmendment>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    clauseId: { type: String, required: true },
    kind: { type: String, enum: AMENDMENT_KINDS, required: true },
    position: { type: String, enum: [...AMENDMENT_POSITIONS, null], default: null },
    clauseType: { type: String, default: null },
    base: { type: String, default: null },
    proposal: { type: String, default: null },
    justification: { type: String, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true },
    authorName: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    organisationName: { type: String, default: null },
    country: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'amendments', versionKey: false, strict: 'throw', minimize: false },
);
schema.index({ documentId: 1 });

export const Amendment = mongoose.model<StoredAmendment>('Amendment', schema);
