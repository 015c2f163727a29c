import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A coordinator published a version whose sign-off was not complete, for a reason: insert-only
 * under `<roundId>:<seq>`, written before the publication is attempted (so no publication exists
 * without its reason on record).
 */
export interface SignoffOverrideRecord {
  _id: string;
  roundId: string;
  seq: number;
  reason: string;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<SignoffOverrideRecord>(
  {
    _id: { type: String, required: true },
    roundId: { type: String, required: true, index: true },
    seq: { type: Number, required: true },
    reason: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'signoff_overrides', versionKey: false, strict: 'throw' },
);

export const SignoffOverride = mongoose.model<SignoffOverrideRecord>('SignoffOverride', schema);
