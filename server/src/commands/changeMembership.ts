import type { Role } from '@accord/shared';
import { Membership, type MembershipRecord, membershipKey } from '../models/Membership.js';
import type { AuditAction } from '../models/AuditEvent.js';
import { LastCoordinator, NotFound } from '../errors/ApiError.js';
import { countCoordinators } from '../queries/countCoordinators.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export interface MembershipChange {
  /** the member's role afterwards; null: no longer a member */
  role: Role | null;
  write: (before: MembershipRecord) => Promise<unknown>;
  /** puts `before` back (when the write left the document without a coordinator) */
  undo: (before: MembershipRecord) => Promise<unknown>;
  audit: AuditAction;
  auditData: (before: MembershipRecord) => Record<string, unknown>;
}

/**
 * The part changeMemberRole and removeMember share: a document always keeps at least one
 * coordinator (409 last_coordinator). The check runs in the per-document queue, which covers this
 * process; after the write the coordinators are counted again, and if another server process took
 * the other coordinator away meanwhile, this change is undone and refused. Then open sockets
 * learn the new role and the change is audited. Answers the membership as it was before; a
 * change to the role the member already has does nothing.
 */
export function changeMembership(
  ctx: CommandContext,
  documentId: string,
  userId: string,
  change: MembershipChange,
): Promise<MembershipRecord> {
  return serializePerDocument(documentId, async () => {
    const before = await Membership.findById(membershipKey(documentId, userId)).lean();
    if (!before) throw new NotFound('This person is not a member of the document.');
    if (before.role === change.role) return before;
    const losesCoordinator = before.role === 'coordinator';
    if (losesCoordinator && (await countCoordinators(documentId)) <= 1) throw new LastCoordinator();

    await change.write(before);
    if (losesCoordinator && (await countCoordinators(documentId)) < 1) {
      await change.undo(before);
      throw new LastCoordinator();
    }
    ctx.collab.membershipChanged(documentId, userId, change.role);
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: change.audit,
      documentId,
      subjectUserId: userId,
      data: change.auditData(before),
    });
    return before;
  });
}
