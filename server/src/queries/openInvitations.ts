import mongoose, { type Types } from 'mongoose';
import { Invitation, type InvitationRecord } from '../models/Invitation.js';
import { InvitationOutcome } from '../models/InvitationOutcome.js';

export type InvitationFilter = { documentId: Types.ObjectId | string; email?: string } | { email: string };

/**
 * The pending invitations that match: no outcome recorded and not expired, oldest first. Two
 * reads whatever the answer (the invitations, then the outcomes of those found).
 */
export async function openInvitations(
  filter: InvitationFilter,
  now = new Date(),
): Promise<InvitationRecord[]> {
  const invitations = await Invitation.find(filter).sort({ createdAt: 1, _id: 1 }).lean();
  const live = invitations.filter((invitation) => invitation.expiresAt > now);
  if (live.length === 0) return [];
  const closed = await InvitationOutcome.find(
    { _id: mongoose.trusted({ $in: live.map((invitation) => invitation._id.toHexString()) }) },
    { _id: 1 },
  ).lean();
  const closedIds = new Set(closed.map((outcome) => outcome._id));
  return live.filter((invitation) => !closedIds.has(invitation._id.toHexString()));
}
