import { ROLES, type Role } from '@accord/shared';
import { Membership, membershipKey } from '../models/Membership.js';
import type { JoinLinkRecord } from '../models/JoinLink.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { roleOn } from '../permissions/roleOn.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export interface JoinedByLink {
  documentId: string;
  role: Role;
  /** whether the membership was made or raised (false: the member's role was as high already) */
  changed: boolean;
}

const rank = (role: Role) => ROLES.indexOf(role);

/**
 * The signed-in user joins the document of a usable join link (findJoinLinkByToken): a new
 * membership with the link's role, made like acceptInvitation makes it (a concurrent second join
 * loses at the unique key and keeps the membership as it is). A member whose role is lower is
 * raised to the link's; an equal or higher role is never changed.
 */
export function joinByLink(ctx: CommandContext, link: JoinLinkRecord): Promise<JoinedByLink> {
  const documentId = link.documentId.toHexString();
  const userId = ctx.actor.id;
  return serializePerDocument(documentId, async () => {
    const current = await roleOn(userId, documentId);
    if (current && rank(current) >= rank(link.role)) return { documentId, role: current, changed: false };
    if (current) {
      // only ever upwards, and never to or from coordinator: "a document keeps a coordinator" holds
      await Membership.updateOne(
        { _id: membershipKey(documentId, userId), role: current },
        { $set: { role: link.role } },
      );
    } else {
      try {
        await Membership.create({ documentId, userId, role: link.role });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const role = (await roleOn(userId, documentId)) ?? link.role;
    ctx.collab.membershipChanged(documentId, userId, role);
    await recordAuditEvent(ctx.logger, {
      actorId: userId,
      action: current ? 'member.role_changed' : 'member.added',
      documentId,
      subjectUserId: userId,
      data: current
        ? { from: current, to: role, joinLinkId: link._id.toHexString() }
        : { role, joinLinkId: link._id.toHexString() },
    });
    return { documentId, role, changed: true };
  });
}
