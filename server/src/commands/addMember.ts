import type { AddMemberBody } from '@accord/shared';
import { Membership, type MembershipRecord } from '../models/Membership.js';
import { User, type UserRecord } from '../models/User.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { AlreadyMember, NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

export interface AddedMember {
  membership: MembershipRecord;
  user: UserRecord;
}

/**
 * Gives an existing account a role on the document. The unique key (document, user) settles
 * concurrent invitations of the same person: one wins, the others get 409 already_member.
 */
export async function addMember(
  ctx: CommandContext,
  documentId: string,
  input: AddMemberBody,
): Promise<AddedMember> {
  const user = await User.findOne({ email: input.email }).lean();
  if (!user) {
    throw new NotFound(
      'Nobody has an Accord account with this email; ask them to register first, then invite them.',
    );
  }
  let created;
  try {
    created = await Membership.create({ documentId, userId: user._id, role: input.role });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AlreadyMember();
    throw error;
  }
  const userId = user._id.toHexString();
  ctx.collab.membershipChanged(documentId, userId, input.role);
  await recordAuditEvent(ctx.logger, {
    actorId: ctx.actor.id,
    action: 'member.added',
    documentId,
    subjectUserId: userId,
    data: { role: input.role },
  });
  return { membership: created.toObject(), user };
}
