import { Types } from 'mongoose';
import type { Role } from '@accord/shared';
import { Invitation, invitationSlot, type InvitationRecord } from '../models/Invitation.js';
import { InvitationOutcome } from '../models/InvitationOutcome.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { InvitationClosed } from '../errors/ApiError.js';
import { findDocumentInvitation } from '../queries/findDocumentInvitation.js';
import type { CommandContext } from './CommandContext.js';
import { closeInvitation } from './closeInvitation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * A coordinator changes the role of a pending invitation. Invitations are never updated: the old
 * one is closed as `replaced` (so an acceptance at the same moment wins or loses as a whole) and
 * a new one, in the next slot, carries the new role until the old one's expiry. Answers the
 * invitation that is pending afterwards.
 */
export async function changeInvitationRole(
  ctx: CommandContext,
  documentId: string,
  invitationId: string,
  role: Role,
): Promise<InvitationRecord> {
  const invitation = await findDocumentInvitation(documentId, invitationId);
  return serializePerDocument(documentId, async () => {
    if (invitation.role === role) {
      const closed = await InvitationOutcome.findById(invitationId).lean();
      if (closed || invitation.expiresAt <= new Date()) throw new InvitationClosed();
      return invitation;
    }
    await closeInvitation(invitation, 'replaced', ctx.actor.id);
    const seq = invitation.seq + 1;
    let created;
    try {
      created = await Invitation.create({
        slot: invitationSlot(documentId, invitation.email, seq),
        documentId: invitation.documentId,
        email: invitation.email,
        seq,
        role,
        invitedBy: new Types.ObjectId(ctx.actor.id),
        createdAt: new Date(),
        expiresAt: invitation.expiresAt,
        // the emailed link keeps working, with the new role
        tokenHash: invitation.tokenHash ?? null,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new InvitationClosed();
      throw error;
    }
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'invitation.role_changed',
      documentId,
      data: {
        invitationId: created._id.toHexString(),
        replaced: invitationId,
        from: invitation.role,
        to: role,
      },
    });
    return created.toObject();
  });
}
