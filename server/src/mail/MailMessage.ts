import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export const MAIL_KINDS = [
  'password_reset',
  'invitation',
  'email_change',
  'notification',
  'notification_digest',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * One message Accord sends, insert-only (the outbox). Its text and HTML are sealed (sealMail.ts):
 * they hold single-use links, and the database alone must not be enough to use them. Delivery
 * attempts are MailAttempt records.
 */
export interface MailMessageRecord {
  _id: Types.ObjectId;
  /** lower case */
  to: string;
  kind: MailKind;
  locale: string;
  subject: string;
  /** AES-256-GCM of `{ text, html }` (sealMail.ts) */
  sealed: string;
  createdAt: Date;
}

const schema = new Schema<MailMessageRecord>(
  {
    to: { type: String, required: true },
    kind: { type: String, enum: MAIL_KINDS, required: true },
    locale: { type: String, required: true },
    subject: { type: String, required: true },
    sealed: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'mail_messages', versionKey: false, strict: 'throw' },
);

// the development page lists one address's messages
schema.index({ to: 1, createdAt: -1 });
schema.index({ createdAt: -1 });

export const MailMessage = mongoose.model<MailMessageRecord>('MailMessage', schema);
