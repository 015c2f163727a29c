import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { SIGNOFF_DECISIONS, type SignoffDecision } from '@accord/shared';

/**
 * An organisation's decision in a sign-off round (endorse or decline), recorded by one of its
 * members: insert-only under `<roundId>:<organisationId>:<seq>`; the latest per organisation counts.
 */
export interface EndorsementRecord {
  _id: string;
  roundId: string;
  documentId: Types.ObjectId;
  versionNumber: number;
  organisationId: Types.ObjectId;
  seq: number;
  decision: SignoffDecision;
  note: string | null;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<EndorsementRecord>(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true, index: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    versionNumber: { type: Number, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    decision: { type: String, enum: SIGNOFF_DECISIONS, required: true },
    note: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'endorsements', versionKey: false, strict: 'throw' },
);

export const Endorsement = mongoose.model<EndorsementRecord>('Endorsement', schema);
