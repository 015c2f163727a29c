import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import type { EmailChoice } from '@accord/shared';

/**
 * A user's choice of email per notification kind (immediately, in the daily digest, never). One
 * record per user under their id, replaced whole by its owner (the last choice wins); none means
 * DEFAULT_NOTIFICATION_EMAILS.
 */
export interface NotificationSettingRecord {
  _id: Types.ObjectId;
  mention: EmailChoice;
  reply: EmailChoice;
  resolved: EmailChoice;
  reopened: EmailChoice;
  role_changed: EmailChoice;
  updatedAt: Date;
}

const choice = { type: String, enum: ['immediately', 'daily', 'never'], required: true };
const schema = new Schema<NotificationSettingRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    mention: choice,
    reply: choice,
    resolved: choice,
    reopened: choice,
    role_changed: choice,
    updatedAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

export const NotificationSetting = mongoose.model<NotificationSettingRecord>(
  'NotificationSetting',
  schema,
  'notification_settings',
);

/**
 * "This notification was emailed" (`n:<notificationId>`) or "this user's digest of this day was
 * sent" (`d:<userId>:<yyyy-mm-dd>`): inserted before the message is queued, so of several
 * instances exactly one sends it.
 */
export interface NotificationMailClaimRecord {
  _id: string;
  createdAt: Date;
}

export const NotificationMailClaim = mongoose.model<NotificationMailClaimRecord>(
  'NotificationMailClaim',
  new Schema<NotificationMailClaimRecord>(
    { _id: { type: String, required: true }, createdAt: { type: Date, required: true } },
    { strict: 'throw', versionKey: false },
  ),
  'notification_mail_claims',
);
