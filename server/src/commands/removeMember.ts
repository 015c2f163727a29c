import { Membership } from '../models/Membership.js';
import type { CommandContext } from './CommandContext.js';
import { changeMembership } from './changeMembership.js';

/**
 * Removes a member; the last coordinator cannot be removed (changeMembership). A removal that left
 * no coordinator (a race with another process) is undone by re-inserting the same record.
 */
export async function removeMember(ctx: CommandContext, documentId: string, userId: string): Promise<void> {
  await changeMembership(ctx, documentId, userId, {
    role: null,
    write: (m) => Membership.deleteOne({ _id: m._id }),
    undo: (m) => Membership.create(m),
    audit: 'member.removed',
    auditData: (m) => ({ role: m.role }),
  });
}
