import type {
  NotificationEmailSettings,
  OrganisationKind,
  PresentedDocument,
  PresentedInvitation,
  PresentedInvitationLink,
  PresentedJoinLinkTarget,
  PresentedUser,
} from '@accord/shared';
import { apiRequest } from '../api/apiRequest';

export interface DevMailMessage {
  id: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

/** Account endpoints: password reset and the development mailbox. */
export const accountApi = {
  notificationEmails: () =>
    apiRequest<{ settings: NotificationEmailSettings }>('/api/account/notification-emails'),
  setNotificationEmails: (settings: NotificationEmailSettings) =>
    apiRequest<{ settings: NotificationEmailSettings }>('/api/account/notification-emails', {
      method: 'PATCH',
      body: settings,
    }),
  requestPasswordReset: (email: string) =>
    apiRequest<{ accepted: true }>('/api/auth/password-reset', { method: 'POST', body: { email } }),
  resetPassword: (token: string, password: string) =>
    apiRequest<{ user: PresentedUser }>('/api/auth/password-reset/confirm', {
      method: 'POST',
      body: { token, password },
    }),
  lookupInvitationLink: (token: string) =>
    apiRequest<{ invitation: PresentedInvitationLink }>('/api/invitation-links/lookup', {
      method: 'POST',
      body: { token },
    }),
  acceptInvitationLink: (token: string) =>
    apiRequest<{ document: PresentedDocument }>('/api/invitation-links/accept', {
      method: 'POST',
      body: { token },
    }),
  resendInvitation: (documentId: string, invitationId: string) =>
    apiRequest<{ invitation: PresentedInvitation }>(
      `/api/documents/${encodeURIComponent(documentId)}/invitations/${encodeURIComponent(invitationId)}/resend`,
      { method: 'POST' },
    ),
  updateAccount: (input: {
    name?: string;
    locale?: string;
    organisation?: { name: string; kind: OrganisationKind; country: string } | null;
  }) => apiRequest<{ user: PresentedUser }>('/api/account', { method: 'PATCH', body: input }),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiRequest<void>('/api/account/password', { method: 'POST', body: { currentPassword, newPassword } }),
  deleteAccount: (currentPassword: string) =>
    apiRequest<void>('/api/account/delete', { method: 'POST', body: { currentPassword } }),
  lookupJoinLink: (token: string) =>
    apiRequest<{ target: PresentedJoinLinkTarget }>('/api/join-links/lookup', {
      method: 'POST',
      body: { token },
    }),
  joinByLink: (token: string) =>
    apiRequest<{ document: PresentedDocument; changed: boolean }>('/api/join-links/join', {
      method: 'POST',
      body: { token },
    }),
  requestEmailChange: (newEmail: string, currentPassword: string) =>
    apiRequest<{ accepted: true }>('/api/account/email', {
      method: 'POST',
      body: { newEmail, currentPassword },
    }),
  confirmEmailChange: (token: string) =>
    apiRequest<{ changed: true; signedIn: boolean }>('/api/account/email/confirm', {
      method: 'POST',
      body: { token },
    }),
  devMail: (signal?: AbortSignal) =>
    apiRequest<{ messages: DevMailMessage[] }>('/api/dev/mail', signal ? { signal } : {}),
};
