import { Membership, membershipKey } from '../models/Membership.js';
import { LastCoordinator, NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { countCoordinators } from '../queries/countCoordinators.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Removes a member; the last coordinator cannot be removed (409 last_coordinator). As in
 * changeMemberRole, the check is queued per document and re-checked after the write; a removal
 * that left no coordinator (a race with another process) is undone by re-inserting the same record.
 */
export function removeMember(ctx: CommandContext, documentId: string, userId: string): Promise<void> {
  return serializePerDocument(documentId, async () => {
    const membership = await Membership.findById(membershipKey(documentId, userId)).lean();
    if (!membership) throw new NotFound('This person is not a member of the document.');
    const isCoordinator = membership.role === 'coordinator';
    if (isCoordinator && (await countCoordinators(documentId)) <= 1) throw new LastCoordinator();

    await Membership.deleteOne({ _id: membership._id });
    if (isCoordinator && (await countCoordinators(documentId)) < 1) {
      await Membership.create(membership);
      throw new LastCoordinator();
    }
    ctx.collab.membershipChanged(documentId, userId, null);
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'member.removed',
      documentId,
      subjectUserId: userId,
      data: { role: membership.role },
    });
  });
}
