import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import {
  DEFAULT_NOTIFICATION_EMAILS,
  EMAIL_CHOICES,
  NOTIFICATION_KINDS,
  type NotificationEmailSettings,
} from '@accord/shared';

/**
 * A user's choice of email per notification kind (immediately, in the daily digest, never). One
 * record per user under their id, replaced whole by its owner (the last choice wins); none means
 * DEFAULT_NOTIFICATION_EMAILS.
 */
export type NotificationSettingRecord = Partial<NotificationEmailSettings> & {
  _id: Types.ObjectId;
  updatedAt: Date;
};

const choice = { type: String, enum: EMAIL_CHOICES };
const schema = new Schema<NotificationSettingRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    // a kind added after the user chose has no field: its default applies
    ...Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, choice])),
    updatedAt: { type: Date, required: true },
  },
  { strict: 'throw', versionKey: false },
);

/** The user's choices, with the defaults for kinds they have not chosen for. */
export function withDefaults(record: NotificationSettingRecord | null): NotificationEmailSettings {
  const chosen: NotificationEmailSettings = { ...DEFAULT_NOTIFICATION_EMAILS };
  if (record) for (const kind of NOTIFICATION_KINDS) if (record[kind]) chosen[kind] = record[kind];
  return chosen;
}

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
