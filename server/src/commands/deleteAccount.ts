import { randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import type { AccountDeleteBody } from '@accord/shared';
import { User } from '../models/User.js';
import { Membership } from '../models/Membership.js';
import { DocumentModel } from '../models/Document.js';
import { AccountDeletion } from '../models/AccountDeletion.js';
import { Notification } from '../models/Notification.js';
import { NotificationRead } from '../models/NotificationRead.js';
import { NotificationSetting } from '../models/NotificationSetting.js';
import { verifyPassword } from '../auth/passwordHashing.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { NotFound, WrongPassword } from '../errors/ApiError.js';
import { LastCoordinatorOf } from '../errors/LastCoordinatorOf.js';
import { countCoordinators } from '../queries/countCoordinators.js';
import { isDocumentDeleted } from '../queries/isDocumentDeleted.js';
import { noteFormerMember } from '../queries/formerMembers.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * The signed-in user deletes their account. The current password must be right (400
 * wrong_password); where they are the only coordinator the role must be handed over first (409
 * last_coordinator, with those documents; nothing changed; documents in the bin are not counted:
 * they cannot be opened to hand over, and are purged after their retention). Then, in this order:
 * 1. the AccountDeletion record (insert under the user's id: the commit point; a second deletion
 *    at the same moment is 404);
 * 2. the user record is anonymised in place: the email is freed (it can register again), the
 *    password hash can match nothing, the name is blank; the organisation stays, so what they
 *    wrote is shown as "former member" of it (queries/formerMembers.ts);
 * 3. each membership is removed and its open sockets closed; each document's audit trail says so;
 * 4. the notifications addressed to them are deleted (nobody can read them any more).
 * Invitations they sent stay valid. The caller ends every session and closes every socket.
 */
export async function deleteAccount(ctx: CommandContext, input: AccountDeleteBody): Promise<void> {
  const { actor } = ctx;
  const record = await User.findById(actor.id, { passwordHash: 1, organisationId: 1, deletedAt: 1 }).lean();
  if (!record || record._id.toHexString() !== actor.id || record.deletedAt) {
    throw new NotFound('No such account.');
  }
  if (!(await verifyPassword(input.currentPassword, record.passwordHash))) throw new WrongPassword();

  const memberships = await Membership.find({ userId: actor.id }).lean();
  const mine = memberships.filter((m) => m.userId.toHexString() === actor.id);
  const coordinated = mine.filter((m) => m.role === 'coordinator');
  const counts = await Promise.all(coordinated.map((m) => countCoordinators(m.documentId.toHexString())));
  const sole = coordinated.filter((_, i) => (counts[i] ?? 0) <= 1).map((m) => m.documentId);
  // a document in the bin cannot be opened to hand it over: it stays coordinator-less, and is purged
  const binned = await Promise.all(sole.map((id) => isDocumentDeleted(id.toHexString())));
  const alone = sole.filter((_, i) => !binned[i]);
  if (alone.length > 0) {
    const documents = await DocumentModel.find(
      { _id: mongoose.trusted({ $in: alone }) },
      { title: 1 },
    ).lean();
    throw new LastCoordinatorOf(
      alone.map((id) => ({
        id: id.toHexString(),
        title: documents.find((d) => d._id.equals(id))?.title ?? '',
      })),
    );
  }

  try {
    await AccountDeletion.create({
      _id: actor.id,
      organisationId: record.organisationId ?? null,
      memberships: mine.map((m) => ({ documentId: m.documentId, role: m.role })),
      at: new Date(),
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new NotFound('No such account.');
    throw error;
  }
  noteFormerMember(actor.id);
  const now = new Date();
  // only the request that stored the AccountDeletion gets here, so this update has no rival
  await User.updateOne(
    { _id: actor.id },
    {
      $set: {
        email: `deleted-${actor.id}@deleted.invalid`,
        name: '',
        passwordHash: `deleted:${randomBytes(16).toString('hex')}`,
        passwordChangedAt: now,
        deletedAt: now,
      },
    },
  );

  for (const membership of mine) {
    const documentId = membership.documentId.toHexString();
    await Membership.deleteOne({ _id: membership._id });
    ctx.collab.membershipChanged(documentId, actor.id, null);
    // a coordinator demoted elsewhere meanwhile could leave the document without one: say so loudly
    if (membership.role === 'coordinator' && (await countCoordinators(documentId)) < 1) {
      ctx.logger.error(
        { documentId, userId: actor.id },
        'account deletion left a document without a coordinator',
      );
    }
    await recordAuditEvent(ctx.logger, {
      actorId: actor.id,
      action: 'member.left',
      documentId,
      subjectUserId: actor.id,
      data: { role: membership.role, reason: 'account_deleted' },
    });
  }

  const userId = new Types.ObjectId(actor.id);
  await Promise.all([
    Notification.deleteMany({ userId }),
    NotificationRead.deleteMany({ userId }),
    NotificationSetting.deleteOne({ _id: userId }),
  ]);
  await recordAuditEvent(ctx.logger, {
    actorId: actor.id,
    action: 'user.deleted',
    data: { organisationId: record.organisationId?.toHexString() ?? null, documents: mine.length },
  });
}
