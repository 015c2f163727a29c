import type { Role } from '@accord/shared';
import { Membership, type MembershipRecord } from '../models/Membership.js';
import type { CommandContext } from './CommandContext.js';
import { changeMembership } from './changeMembership.js';
import { notifyMembers } from './notifyMembers.js';
import { Types } from 'mongoose';

/** Changes a member's role; the last coordinator keeps theirs (changeMembership). */
export async function changeMemberRole(
  ctx: CommandContext,
  documentId: string,
  userId: string,
  role: Role,
): Promise<MembershipRecord> {
  const before = await changeMembership(ctx, documentId, userId, {
    role,
    write: (m) => Membership.updateOne({ _id: m._id }, { $set: { role } }),
    undo: (m) => Membership.updateOne({ _id: m._id }, { $set: { role: m.role } }),
    audit: 'member.role_changed',
    auditData: (m) => ({ from: m.role, to: role }),
  });
  if (before.role !== role)
    await notifyMembers(ctx, {
      kind: 'role_changed',
      documentId,
      recipients: [userId],
      commentId: new Types.ObjectId().toHexString(),
      revision: 0,
      role,
    });
  return { ...before, role };
}
