import { z } from 'zod';
import { EMAIL_CHOICES } from './notificationEmailValues.js';

export * from './notificationEmailValues.js';

const choice = z.enum(EMAIL_CHOICES);

/** PATCH /api/account/notification-emails: a choice for every kind. */
export const notificationEmailsBody = z.strictObject({
  mention: choice,
  reply: choice,
  resolved: choice,
  reopened: choice,
  role_changed: choice,
  version_frozen: choice,
  published: choice,
  amendment_decided: choice,
  signoff_requested: choice,
  // optional: clients from before invitations were notifications do not send it
  invited: choice.optional(),
});
