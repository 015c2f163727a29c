import mongoose from 'mongoose';
import { Membership, type MembershipRecord } from '../models/Membership.js';
import { User, type UserRecord } from '../models/User.js';
import { Organisation, type OrganisationRecord } from '../models/Organisation.js';

export interface MemberRow {
  membership: MembershipRecord;
  user: Omit<UserRecord, 'passwordHash'>;
  organisation: OrganisationRecord | null;
}

/** A document's members with their accounts and organisations, oldest membership first. */
export async function listMembers(documentId: string): Promise<MemberRow[]> {
  const memberships = await Membership.find({ documentId }).sort({ createdAt: 1, _id: 1 }).lean();
  if (memberships.length === 0) return [];
  const users = await User.find(
    { _id: mongoose.trusted({ $in: memberships.map((m) => m.userId) }) },
    { passwordHash: 0 },
  ).lean();
  const usersById = new Map(users.map((u) => [u._id.toHexString(), u]));
  const organisationIds = [
    ...new Set(users.flatMap((u) => (u.organisationId ? [u.organisationId.toHexString()] : []))),
  ];
  const organisations = organisationIds.length
    ? await Organisation.find({ _id: mongoose.trusted({ $in: organisationIds }) }).lean()
    : [];
  const organisationsById = new Map(organisations.map((o) => [o._id.toHexString(), o]));
  return memberships.flatMap((membership) => {
    const user = usersById.get(membership.userId.toHexString());
    // a membership whose account is gone is not shown
    if (!user) return [];
    const organisation = user.organisationId
      ? (organisationsById.get(user.organisationId.toHexString()) ?? null)
      : null;
    return [{ membership, user, organisation }];
  });
}
