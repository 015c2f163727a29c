import { z } from 'zod';
import { Limits } from '../limits.js';
import { ROLES, type Role } from '../roles.js';
import type { DocumentKind, DocumentLanguage } from '../documentKinds.js';
import type { PresentedMember, PresentedOrganisation } from './presented.js';
import { objectId } from './documents.js';

/**
 * POST /api/documents/:id/invitations. The answer is the same whether or not the address has an
 * account (issue 13): nobody learns who has one by inviting them.
 */
export const inviteBody = z.strictObject({
  email: z
    .string()
    .trim()
    .max(Limits.emailMax)
    .pipe(z.email())
    .transform((value) => value.toLowerCase()),
  role: z.enum(ROLES),
});
export type InviteBody = z.infer<typeof inviteBody>;

export const updateInvitationBody = z.strictObject({ role: z.enum(ROLES) });
export type UpdateInvitationBody = z.infer<typeof updateInvitationBody>;

export const documentInvitationParams = z.strictObject({ id: objectId, invitationId: objectId });
export const invitationParams = z.strictObject({ id: objectId });

/** POST /api/invitation-links/lookup and /accept: the token of an emailed invitation link. */
export const invitationLinkBody = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'an invitation token'),
});

/** What an invitation link's page shows (POST /api/invitation-links/lookup). */
export interface PresentedInvitationLink {
  email: string;
  role: Role;
  /** pending: can be accepted; accepted: done (open the document); closed: declined, withdrawn or expired */
  state: 'pending' | 'accepted' | 'closed';
  document: { id: string; title: string };
  invitedBy: { name: string };
  expiresAt: string;
}

/** A pending invitation as the document's coordinators see it (in GET /members and the answers). */
export interface PresentedInvitation {
  id: string;
  email: string;
  role: Role;
  invitedAt: string;
  expiresAt: string;
  /** whether the requesting user may change or withdraw it */
  canManage: boolean;
}

/** A pending invitation as the person invited sees it (GET /api/invitations). */
export interface PresentedReceivedInvitation {
  id: string;
  document: { id: string; title: string; kind: DocumentKind; language: DocumentLanguage };
  role: Role;
  invitedBy: { name: string; organisation: PresentedOrganisation | null };
  invitedAt: string;
  expiresAt: string;
}

/** GET /api/documents/:id/members: `invitations` only for those who may manage members. */
export interface MembersResponse {
  members: PresentedMember[];
  invitations?: PresentedInvitation[];
}
