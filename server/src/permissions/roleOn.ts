import { isRole, type Role } from '@accord/shared';
import { Membership, membershipKey } from '../models/Membership.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { isObjectIdString } from '../database/isObjectIdString.js';
import { lookupById } from '../database/lookupById.js';

/**
 * The user's role on the document, or null when they are not a member (or an id is malformed),
 * or when the document is deleted (in the bin): nothing of it is readable then, through REST or
 * the collaboration socket alike, for members too.
 */
export async function roleOn(userId: string, documentId: string): Promise<Role | null> {
  if (!isObjectIdString(userId) || !isObjectIdString(documentId)) return null;
  const [membership, deleted] = await Promise.all([
    lookupById<{ role: unknown }>(Membership, membershipKey(documentId, userId), { role: 1 }),
    lookupById(DeletedDocument, documentId, { _id: 1 }),
  ]);
  if (deleted) return null;
  return membership && isRole(membership.role) ? membership.role : null;
}
