import { Invitation } from '../models/Invitation.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { closeInvitation } from './closeInvitation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/** The signed-in user declines an invitation addressed to their email (someone else's: 404). */
export async function declineInvitation(ctx: CommandContext, invitationId: string): Promise<void> {
  const invitation = await Invitation.findById(invitationId).lean();
  if (!invitation || invitation.email !== ctx.actor.email) throw new NotFound('No such invitation.');
  const documentId = invitation.documentId.toHexString();
  await serializePerDocument(documentId, () => closeInvitation(invitation, 'declined', ctx.actor.id));
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'invitation.declined',
    documentId,
    data: { invitationId },
  });
}
