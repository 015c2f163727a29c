import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A sign-off round on a frozen version: the organisations that must endorse it before it is
 * published. One per version, insert-only under `<documentId>:<version>`: two coordinators
 * opening one at once → one wins, the other gets 409.
 */
export interface SignoffRoundRecord {
  _id: string;
  documentId: Types.ObjectId;
  versionNumber: number;
  organisationIds: Types.ObjectId[];
  note: string | null;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<SignoffRoundRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true, index: true },
    versionNumber: { type: Number, required: true },
    organisationIds: { type: [Schema.Types.ObjectId], required: true },
    note: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'signoff_rounds', versionKey: false, strict: 'throw' },
);

export const SignoffRound = mongoose.model<SignoffRoundRecord>('SignoffRound', schema);
