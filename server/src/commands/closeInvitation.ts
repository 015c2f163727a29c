import { Types } from 'mongoose';
import type { InvitationRecord } from '../models/Invitation.js';
import { InvitationOutcome, type InvitationOutcomeKind } from '../models/InvitationOutcome.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { InvitationClosed } from '../errors/ApiError.js';

/**
 * Records what became of a pending invitation. The outcome's `_id` is the invitation's id, so the
 * insert is the compare-and-swap: of an acceptance and a withdrawal at the same moment (in any
 * server process) one is stored, the other gets 409 invitation_closed. An expired invitation
 * cannot be closed either.
 */
export async function closeInvitation(
  invitation: InvitationRecord,
  kind: InvitationOutcomeKind,
  actorId: string,
  now = new Date(),
): Promise<void> {
  if (invitation.expiresAt <= now) throw new InvitationClosed();
  try {
    await InvitationOutcome.create({
      _id: invitation._id.toHexString(),
      documentId: invitation.documentId,
      kind,
      actorId: new Types.ObjectId(actorId),
      at: now,
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new InvitationClosed();
    throw error;
  }
}
