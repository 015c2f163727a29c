import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { POSITION_STANCES, type PositionStance } from '@accord/shared';

/**
 * An organisation's position on a clause, recorded by one of its members: insert-only under
 * `<documentId>:<clauseId>:<organisationId>:<seq>`; the latest per organisation counts, the others
 * are its history. Concurrent records take consecutive seqs (the unique `_id` decides).
 */
export interface PositionRecord {
  _id: string;
  documentId: Types.ObjectId;
  clauseId: string;
  organisationId: Types.ObjectId;
  seq: number;
  stance: PositionStance;
  note: string | null;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<PositionRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true, index: true },
    clauseId: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    stance: { type: String, enum: POSITION_STANCES, required: true },
    note: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'positions', versionKey: false, strict: 'throw' },
);

export const Position = mongoose.model<PositionRecord>('Position', schema);
