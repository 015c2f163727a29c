import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A request to change an account's email, insert-only: `_id` is the SHA-256 (hex) of the token in
 * the link sent to the new address. Its use is an EmailChangeUse under the same `_id` (the unique
 * insert makes the link single-use).
 */
export interface EmailChangeTokenRecord {
  _id: string;
  userId: Types.ObjectId;
  newEmail: string;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<EmailChangeTokenRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    newEmail: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'email_change_tokens', versionKey: false, strict: 'throw' },
);

export const EmailChangeToken = mongoose.model<EmailChangeTokenRecord>('EmailChangeToken', schema);

export interface EmailChangeUseRecord {
  _id: string;
  userId: Types.ObjectId;
  at: Date;
}

const useSchema = new Schema<EmailChangeUseRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'email_change_uses', versionKey: false, strict: 'throw' },
);

export const EmailChangeUse = mongoose.model<EmailChangeUseRecord>('EmailChangeUse', useSchema);
