import { Types } from 'mongoose';
import { Limits, type InviteBody } from '@accord/shared';
import { Invitation, invitationSlot, type InvitationRecord } from '../models/Invitation.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';
import { AlreadyInvited, AlreadyMember } from '../errors/ApiError.js';
import { listMembers } from '../queries/listMembers.js';
import { openInvitations } from '../queries/openInvitations.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { newSecretToken } from '../auth/secretToken.js';

export interface NewInvitation {
  invitation: InvitationRecord;
  /** the token of the emailed link (only its hash is stored) */
  token: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Invites an email address to the document with a role: a pending invitation the person accepts
 * after signing in or registering with that address. Nothing here looks the address up among
 * accounts, so the answer and the work done are the same whether or not it has one (issue 13:
 * inviting must not tell who has an account). Only the document's own members (whose addresses
 * coordinators see anyway) are refused, with 409 already_member; a pending invitation to the same
 * address with 409 already_invited, also when two coordinators invite it at once (unique slot).
 */
export function inviteMember(
  ctx: CommandContext,
  documentId: string,
  input: InviteBody,
): Promise<NewInvitation> {
  return serializePerDocument(documentId, async () => {
    const [members, earlier, open] = await Promise.all([
      listMembers(documentId),
      Invitation.find({ documentId, email: input.email }, { seq: 1 }).lean(),
      openInvitations({ documentId, email: input.email }),
    ]);
    if (members.some((member) => member.user.email === input.email)) throw new AlreadyMember();
    if (open.length > 0) throw new AlreadyInvited();
    const seq = Math.max(0, ...earlier.map((invitation) => invitation.seq)) + 1;
    const now = new Date();
    const { token, hash } = newSecretToken();
    let created;
    try {
      created = await Invitation.create({
        slot: invitationSlot(documentId, input.email, seq),
        documentId: new Types.ObjectId(documentId),
        email: input.email,
        seq,
        role: input.role,
        invitedBy: new Types.ObjectId(ctx.actor.id),
        createdAt: now,
        expiresAt: new Date(now.getTime() + Limits.invitationDays * DAY_MS),
        tokenHash: hash,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AlreadyInvited();
      throw error;
    }
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'invitation.created',
      documentId,
      data: { invitationId: created._id.toHexString(), email: input.email, role: input.role },
    });
    return { invitation: created.toObject(), token };
  });
}
