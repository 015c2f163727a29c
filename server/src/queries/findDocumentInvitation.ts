import { Invitation, type InvitationRecord } from '../models/Invitation.js';
import { NotFound } from '../errors/ApiError.js';

/** One of the document's invitations (pending or not); another document's is 404. */
export async function findDocumentInvitation(
  documentId: string,
  invitationId: string,
): Promise<InvitationRecord> {
  const invitation = await Invitation.findById(invitationId).lean();
  if (!invitation || invitation.documentId.toHexString() !== documentId) {
    throw new NotFound('No such invitation.');
  }
  return invitation;
}
