import type { PresentedInvitation } from '@accord/shared';
import type { InvitationRecord } from '../models/Invitation.js';

/** A pending invitation for the document's coordinators (who alone may see it and manage it). */
export function presentInvitation(invitation: InvitationRecord): PresentedInvitation {
  return {
    id: invitation._id.toHexString(),
    email: invitation.email,
    role: invitation.role,
    invitedAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    canManage: true,
  };
}
