import type { Role } from '@accord/shared';
import { Membership, type MembershipRecord, membershipKey } from '../models/Membership.js';
import { LastCoordinator, NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { countCoordinators } from '../queries/countCoordinators.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Changes a member's role; a document always keeps at least one coordinator (409
 * last_coordinator). The check runs in the per-document queue, which covers this process; after
 * the write the coordinators are counted again, and if another server process demoted the other
 * coordinator meanwhile, this change is undone and refused.
 */
export function changeMemberRole(
  ctx: CommandContext,
  documentId: string,
  userId: string,
  role: Role,
): Promise<MembershipRecord> {
  return serializePerDocument(documentId, async () => {
    const membership = await Membership.findById(membershipKey(documentId, userId)).lean();
    if (!membership) throw new NotFound('This person is not a member of the document.');
    if (membership.role === role) return membership;
    const demotesCoordinator = membership.role === 'coordinator';
    if (demotesCoordinator && (await countCoordinators(documentId)) <= 1) throw new LastCoordinator();

    await Membership.updateOne({ _id: membership._id }, { $set: { role } });
    if (demotesCoordinator && (await countCoordinators(documentId)) < 1) {
      await Membership.updateOne({ _id: membership._id }, { $set: { role: membership.role } });
      throw new LastCoordinator();
    }
    ctx.collab.membershipChanged(documentId, userId, role);
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'member.role_changed',
      documentId,
      subjectUserId: userId,
      data: { from: membership.role, to: role },
    });
    return { ...membership, role };
  });
}
