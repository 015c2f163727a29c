import { isRole, type Role } from '@accord/shared';
import { Membership, membershipKey } from '../models/Membership.js';
import { isObjectIdString } from '../database/isObjectIdString.js';

/** The user's role on the document, or null when they are not a member (or an id is malformed). */
export async function roleOn(userId: string, documentId: string): Promise<Role | null> {
  if (!isObjectIdString(userId) || !isObjectIdString(documentId)) return null;
  const membership = await Membership.findById(membershipKey(documentId, userId), { role: 1 }).lean();
  return membership && isRole(membership.role) ? membership.role : null;
}
