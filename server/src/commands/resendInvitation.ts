import { Types } from 'mongoose';
import { Limits } from '@accord/shared';
import { Invitation, invitationSlot } from '../models/Invitation.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { InvitationClosed } from '../errors/ApiError.js';
import { findDocumentInvitation } from '../queries/findDocumentInvitation.js';
import { newSecretToken } from '../auth/secretToken.js';
import type { CommandContext } from './CommandContext.js';
import type { NewInvitation } from './inviteMember.js';
import { closeInvitation } from './closeInvitation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A coordinator sends a pending invitation again: it is replaced (insert-only, like a role change)
 * by one with the same role, a new link (the old link stops working) and a new expiry.
 */
export async function resendInvitation(
  ctx: CommandContext,
  documentId: string,
  invitationId: string,
): Promise<NewInvitation> {
  const invitation = await findDocumentInvitation(documentId, invitationId);
  return serializePerDocument(documentId, async () => {
    await closeInvitation(invitation, 'replaced', ctx.actor.id);
    const seq = invitation.seq + 1;
    const { token, hash } = newSecretToken();
    const now = new Date();
    let created;
    try {
      created = await Invitation.create({
        slot: invitationSlot(documentId, invitation.email, seq),
        documentId: invitation.documentId,
        email: invitation.email,
        seq,
        role: invitation.role,
        invitedBy: new Types.ObjectId(ctx.actor.id),
        createdAt: now,
        expiresAt: new Date(now.getTime() + Limits.invitationDays * DAY_MS),
        tokenHash: hash,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new InvitationClosed();
      throw error;
    }
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'invitation.resent',
      documentId,
      data: { invitationId: created._id.toHexString(), replaced: invitationId },
    });
    return { invitation: created.toObject(), token };
  });
}
