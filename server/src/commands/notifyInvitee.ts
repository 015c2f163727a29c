import { Types } from 'mongoose';
import type { NotificationCreatedEvent } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { InvitationRecord } from '../models/Invitation.js';
import { Notification, type NotificationRecord } from '../models/Notification.js';
import { User } from '../models/User.js';
import { DocumentModel } from '../models/Document.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { presentNotification } from '../presenters/presentNotification.js';

/**
 * When the invited address has an account: an `invited` notification for it (the bell, linking to
 * the received invitations) and the news on the person's own live channels, so an open My
 * documents page shows the invitation at once. Once per invitation (the unique key is the
 * invitation's id, revision 0). Called after the answer to the coordinator has gone, so whether
 * the address has an account changes neither the answer nor its timing (issue 13); never fails.
 */
export async function notifyInvitee(ctx: CommandContext, invitation: InvitationRecord): Promise<void> {
  try {
    const invitee = await User.findOne({ email: invitation.email }, { _id: 1 }).lean();
    if (!invitee || invitee._id.toHexString() === ctx.actor.id) return;
    const record: NotificationRecord = {
      _id: new Types.ObjectId(),
      userId: invitee._id,
      kind: 'invited',
      documentId: invitation.documentId,
      threadId: null,
      commentId: invitation._id,
      revision: 0,
      role: invitation.role,
      actorId: new Types.ObjectId(ctx.actor.id),
      actorName: ctx.actor.name,
      createdAt: new Date(),
    };
    try {
      await Notification.create(record);
    } catch (error) {
      if (isDuplicateKeyError(error)) return;
      throw error;
    }
    const document = await DocumentModel.findById(invitation.documentId, { title: 1 }).lean();
    const event: NotificationCreatedEvent = {
      type: 'notification.created',
      notification: presentNotification(record, document?.title ?? '', false),
    };
    ctx.collab.sendToUser(invitee._id.toHexString(), event);
  } catch (error) {
    ctx.logger.error(
      { err: error, invitationId: invitation._id.toHexString() },
      'invitation notification not stored',
    );
  }
}
