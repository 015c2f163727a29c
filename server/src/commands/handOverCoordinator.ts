import type { Role } from '@accord/shared';
import { Membership, membershipKey } from '../models/Membership.js';
import { NotFound } from '../errors/ApiError.js';
import { HandOverToSelf } from '../errors/HandOverToSelf.js';
import type { CommandContext } from './CommandContext.js';
import { changeMemberRole } from './changeMemberRole.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * A coordinator makes another member coordinator and, with `myRole`, steps down to that role in
 * the same request. The new coordinator is appointed first, so the document never has zero
 * coordinators at any moment: the step-down goes through changeMembership's last-coordinator
 * check like any demotion (if another process took the new coordinator away meanwhile, the
 * step-down is refused with 409 last_coordinator and the giver stays coordinator).
 */
export async function handOverCoordinator(
  ctx: CommandContext,
  documentId: string,
  userId: string,
  myRole: Role | undefined,
): Promise<void> {
  if (userId === ctx.actor.id) throw new HandOverToSelf();
  // checked before anything is written: a non-member is refused with nothing changed
  const target = await Membership.findById(membershipKey(documentId, userId), { _id: 1 }).lean();
  if (!target) throw new NotFound('This person is not a member of the document.');
  await changeMemberRole(ctx, documentId, userId, 'coordinator');
  if (myRole && myRole !== 'coordinator') await changeMemberRole(ctx, documentId, ctx.actor.id, myRole);
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'member.handed_over',
    documentId,
    subjectUserId: userId,
    data: { myRole: myRole ?? 'coordinator' },
  });
}
