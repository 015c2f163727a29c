import { Membership } from '../models/Membership.js';
import type { CommandContext } from './CommandContext.js';
import { changeMembership } from './changeMembership.js';

/**
 * The actor leaves the document: their membership is removed like removeMember does it (the last
 * coordinator cannot leave: 409 last_coordinator; a race with another process is undone), and
 * their open sockets are closed (CollabControl.membershipChanged).
 */
export async function leaveDocument(ctx: CommandContext, documentId: string): Promise<void> {
  await changeMembership(ctx, documentId, ctx.actor.id, {
    role: null,
    write: (m) => Membership.deleteOne({ _id: m._id }),
    undo: (m) => Membership.create(m),
    audit: 'member.left',
    auditData: (m) => ({ role: m.role }),
  });
}
