import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { ClientIdClaim, clientIdClaimKey } from '../models/ClientIdClaim.js';

/**
 * Claims a Yjs client id in a document for a user (ClaimStore): the insert is the
 * compare-and-swap. Answers the user who holds the id, this one or whoever inserted first.
 */
export async function claimClientId(documentId: string, clientId: number, userId: string): Promise<string> {
  const _id = clientIdClaimKey(documentId, clientId);
  try {
    await ClientIdClaim.create({
      _id,
      documentId: new Types.ObjectId(documentId),
      clientId,
      userId: new Types.ObjectId(userId),
      at: new Date(),
    });
    return userId;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await ClientIdClaim.findById(_id, { userId: 1 }).lean();
    if (!existing) throw error;
    return existing.userId.toHexString();
  }
}
