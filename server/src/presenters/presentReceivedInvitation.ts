import type { PresentedReceivedInvitation } from '@accord/shared';
import type { ReceivedInvitationRow } from '../queries/receivedInvitations.js';
import { presentOrganisation } from './presentOrganisation.js';

/** A pending invitation as the person invited sees it: the document, the role, who invited them. */
export function presentReceivedInvitation(row: ReceivedInvitationRow): PresentedReceivedInvitation {
  const { invitation, document } = row;
  return {
    id: invitation._id.toHexString(),
    document: {
      id: document._id.toHexString(),
      title: document.title,
      kind: document.kind,
      language: document.language,
    },
    role: invitation.role,
    invitedBy: { name: row.inviterName, organisation: presentOrganisation(row.inviterOrganisation) },
    invitedAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
