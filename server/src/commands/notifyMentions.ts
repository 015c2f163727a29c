import mongoose, { Types } from 'mongoose';
import type { NotificationCreatedEvent } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import { Notification, type NotificationRecord } from '../models/Notification.js';
import { Membership } from '../models/Membership.js';
import { DocumentModel } from '../models/Document.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { canSeeThread, type ThreadAudience } from '../permissions/commentPermissions.js';
import { presentNotification } from '../presenters/presentNotification.js';

export interface MentionInput {
  documentId: string;
  threadId: string;
  commentId: string;
  revision: number;
  /** who sees the thread */
  audience: ThreadAudience;
  /** mentioned in this revision */
  mentioned: string[];
  /** mentioned in the previous revision (already notified) */
  previously?: string[];
}

/**
 * Creates an in-app notification for each member newly @mentioned (not the author, not someone
 * already mentioned in the previous revision, not someone who may not see the thread), and tells
 * their open sockets of this document. Never fails the comment that triggered it: a notification
 * that cannot be stored is logged.
 */
export async function notifyMentions(ctx: CommandContext, input: MentionInput): Promise<void> {
  const before = new Set(input.previously ?? []);
  const targets = input.mentioned.filter((id) => id !== ctx.actor.id && !before.has(id));
  if (targets.length === 0) return;
  try {
    const memberships = await Membership.find(
      {
        documentId: input.documentId,
        userId: mongoose.trusted({ $in: targets.map((t) => new Types.ObjectId(t)) }),
      },
      { userId: 1, role: 1 },
    ).lean();
    const recipients = memberships
      .filter((m) => canSeeThread({ userId: m.userId.toHexString(), role: m.role }, input.audience))
      .map((m) => m.userId);
    if (recipients.length === 0) return;
    const now = new Date();
    const records: NotificationRecord[] = recipients.map((userId) => ({
      _id: new Types.ObjectId(),
      userId,
      kind: 'mention',
      documentId: new Types.ObjectId(input.documentId),
      threadId: new Types.ObjectId(input.threadId),
      commentId: new Types.ObjectId(input.commentId),
      revision: input.revision,
      actorId: new Types.ObjectId(ctx.actor.id),
      actorName: ctx.actor.name,
      createdAt: now,
    }));
    try {
      await Notification.insertMany(records, { ordered: false });
    } catch (error) {
      // a retried request: the ones stored before are kept once
      if (!isDuplicateKeyError(error)) throw error;
    }
    const document = await DocumentModel.findById(input.documentId, { title: 1 }).lean();
    for (const record of records) {
      const userId = record.userId.toHexString();
      const event: NotificationCreatedEvent = {
        type: 'notification.created',
        notification: presentNotification(record, document?.title ?? '', false),
      };
      ctx.collab.broadcastEvent(input.documentId, event, { user: userId, thread: input.audience });
    }
  } catch (error) {
    ctx.logger.error({ err: error, commentId: input.commentId }, 'mention notifications not stored');
  }
}
