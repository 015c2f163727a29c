import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A password-reset link, insert-only: `_id` is the SHA-256 (hex) of the token in the link, never
 * the token itself. Its use is a PasswordResetUse under the same `_id`.
 */
export interface PasswordResetTokenRecord {
  _id: string;
  userId: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<PasswordResetTokenRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'password_reset_tokens', versionKey: false, strict: 'throw' },
);

export const PasswordResetToken = mongoose.model<PasswordResetTokenRecord>('PasswordResetToken', schema);

/**
 * A reset token was used, insert-only under the token's `_id`: the unique insert makes the link
 * single-use even when two resets with it arrive at once (in any server process).
 */
export interface PasswordResetUseRecord {
  _id: string;
  userId: Types.ObjectId;
  at: Date;
}

const useSchema = new Schema<PasswordResetUseRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'password_reset_uses', versionKey: false, strict: 'throw' },
);

export const PasswordResetUse = mongoose.model<PasswordResetUseRecord>('PasswordResetUse', useSchema);
