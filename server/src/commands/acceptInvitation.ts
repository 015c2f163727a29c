import type { Role } from '@accord/shared';
import { Invitation } from '../models/Invitation.js';
import { InvitationOutcome } from '../models/InvitationOutcome.js';
import { Membership } from '../models/Membership.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { InvitationClosed, NotFound } from '../errors/ApiError.js';
import { roleOn } from '../permissions/roleOn.js';
import { isDocumentDeleted } from '../queries/isDocumentDeleted.js';
import type { CommandContext } from './CommandContext.js';
import { closeInvitation } from './closeInvitation.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export interface AcceptedInvitation {
  documentId: string;
  role: Role;
}

/**
 * The signed-in user accepts an invitation addressed to their account's email: the outcome
 * `accepted` is stored first (one winner against a concurrent withdrawal), then the membership.
 * Accepting again an invitation one has accepted finishes what an interrupted acceptance left
 * undone. Someone else's invitation is 404, as if it did not exist.
 */
export async function acceptInvitation(
  ctx: CommandContext,
  invitationId: string,
): Promise<AcceptedInvitation> {
  const invitation = await Invitation.findById(invitationId).lean();
  if (!invitation || invitation.email !== ctx.actor.email) throw new NotFound('No such invitation.');
  const documentId = invitation.documentId.toHexString();
  // a deleted document's invitations wait, unanswerable, until it is restored or purged
  if (await isDocumentDeleted(documentId)) throw new NotFound('No such invitation.');
  return serializePerDocument(documentId, async () => {
    try {
      await closeInvitation(invitation, 'accepted', ctx.actor.id);
    } catch (error) {
      const outcome =
        error instanceof InvitationClosed ? await InvitationOutcome.findById(invitationId).lean() : null;
      const acceptedByMe = outcome?.kind === 'accepted' && outcome.actorId.toHexString() === ctx.actor.id;
      if (!acceptedByMe) throw error;
    }
    try {
      await Membership.create({ documentId, userId: ctx.actor.id, role: invitation.role });
    } catch (error) {
      // already a member (an earlier acceptance): the membership as it is stays
      if (!isDuplicateKeyError(error)) throw error;
    }
    const role = (await roleOn(ctx.actor.id, documentId)) ?? invitation.role;
    ctx.collab.membershipChanged(documentId, ctx.actor.id, role);
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'member.added',
      documentId,
      subjectUserId: ctx.actor.id,
      data: { role, invitationId, invitedBy: invitation.invitedBy.toHexString() },
    });
    return { documentId, role };
  });
}
