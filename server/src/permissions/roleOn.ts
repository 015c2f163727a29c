import { isRole, type Role } from '@accord/shared';
import { Membership, membershipKey } from '../models/Membership.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { isObjectIdString } from '../database/isObjectIdString.js';

/**
 * The user's role on the document, or null when they are not a member (or an id is malformed),
 * or when the document is deleted (in the bin): nothing of it is readable then, through REST or
 * the collaboration socket alike, for members too.
 */
export async function roleOn(userId: string, documentId: string): Promise<Role | null> {
  if (!isObjectIdString(userId) || !isObjectIdString(documentId)) return null;
  const [membership, deleted] = await Promise.all([
    Membership.findById(membershipKey(documentId, userId), { role: 1 }).lean(),
    DeletedDocument.exists({ _id: documentId }),
  ]);
  if (deleted) return null;
  return membership && isRole(membership.role) ? membership.role : null;
}
