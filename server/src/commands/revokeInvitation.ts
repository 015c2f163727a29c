import { serializePerDocument } from '../documents/serializePerDocument.js';
import { findDocumentInvitation } from '../queries/findDocumentInvitation.js';
import type { CommandContext } from './CommandContext.js';
import { closeInvitation } from './closeInvitation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/** A coordinator withdraws a pending invitation (409 invitation_closed once it was accepted). */
export async function revokeInvitation(
  ctx: CommandContext,
  documentId: string,
  invitationId: string,
): Promise<void> {
  const invitation = await findDocumentInvitation(documentId, invitationId);
  await serializePerDocument(documentId, () => closeInvitation(invitation, 'revoked', ctx.actor.id));
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'invitation.revoked',
    documentId,
    data: { invitationId, email: invitation.email },
  });
}
