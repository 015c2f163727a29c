import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * One delivery attempt of a message, insert-only. `_id` is `<messageId>:<n>`: the unique insert
 * claims attempt n, so two server processes resuming the same message never both send it. The
 * claim is written before sending; `outcome` follows as a MailAttemptOutcome under the same id.
 */
export interface MailAttemptRecord {
  _id: string;
  messageId: Types.ObjectId;
  n: number;
  at: Date;
}

const schema = new Schema<MailAttemptRecord>(
  {
    _id: { type: String, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    n: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'mail_attempts', versionKey: false, strict: 'throw' },
);
schema.index({ messageId: 1 });

export const MailAttempt = mongoose.model<MailAttemptRecord>('MailAttempt', schema);

/** What became of an attempt (same `_id`): sent (or logged, without SMTP), or the error. */
export interface MailAttemptOutcomeRecord {
  _id: string;
  messageId: Types.ObjectId;
  ok: boolean;
  error: string | null;
  at: Date;
}

const outcomeSchema = new Schema<MailAttemptOutcomeRecord>(
  {
    _id: { type: String, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    ok: { type: Boolean, required: true },
    error: { type: String, default: null },
    at: { type: Date, required: true },
  },
  { collection: 'mail_attempt_outcomes', versionKey: false, strict: 'throw' },
);
outcomeSchema.index({ messageId: 1 });

export const MailAttemptOutcome = mongoose.model<MailAttemptOutcomeRecord>(
  'MailAttemptOutcome',
  outcomeSchema,
);
