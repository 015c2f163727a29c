import type { NotificationKind } from '../schemas/presentedComments.js';

// Zod-free (the client imports these; the request schema is in notificationEmails.ts).

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'resolved',
  'reopened',
  'role_changed',
  'version_frozen',
  'published',
  'amendment_decided',
  'signoff_requested',
  'invited',
] as const;
export const EMAIL_CHOICES = ['immediately', 'daily', 'never'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];
export type NotificationEmailSettings = Record<NotificationKind, EmailChoice>;

/** What a new account gets: what needs an answer at once, the rest in the daily digest. */
export const DEFAULT_NOTIFICATION_EMAILS: NotificationEmailSettings = {
  mention: 'immediately',
  reply: 'daily',
  resolved: 'daily',
  reopened: 'daily',
  role_changed: 'immediately',
  version_frozen: 'daily',
  published: 'daily',
  amendment_decided: 'immediately',
  signoff_requested: 'immediately',
  // the invitation itself is emailed already
  invited: 'never',
};
