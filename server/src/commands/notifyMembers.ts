import mongoose, { Types } from 'mongoose';
import type { NotificationCreatedEvent, Role } from '@accord/shared';
import type { CommandContext } from './CommandContext.js';
import type { EventAudience } from '../collab/EventAudience.js';
import { Notification, type NotificationRecord } from '../models/Notification.js';
import { Membership } from '../models/Membership.js';
import { User } from '../models/User.js';
import { DocumentModel } from '../models/Document.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { canSeeThread, type ThreadAudience } from '../permissions/commentPermissions.js';
import { presentNotification } from '../presenters/presentNotification.js';

/** One notification to make for several people (see NotificationRecord for the fields). */
export interface NotificationSpec {
  kind: NotificationRecord['kind'];
  documentId: string;
  /** who is told: the actor and non-members are left out */
  recipients: string[];
  commentId: string;
  revision: number;
  /** a thread's notification reaches only those who may see the thread */
  thread?: { id: string; audience: ThreadAudience };
  role?: Role;
}

/**
 * Stores an in-app notification for each recipient who is a member of the document (and may see
 * the thread it is about), never the actor, and tells their open sockets of the document and their
 * own live channel (GET /api/events; the bell updates live). Never fails the change that caused it: a notification that cannot be stored
 * is logged.
 */
export async function notifyMembers(ctx: CommandContext, spec: NotificationSpec): Promise<void> {
  const targets = [...new Set(spec.recipients)].filter((id) => id !== ctx.actor.id);
  if (targets.length === 0) return;
  try {
    const memberships = await Membership.find(
      {
        documentId: spec.documentId,
        userId: mongoose.trusted({ $in: targets.map((t) => new Types.ObjectId(t)) }),
      },
      { userId: 1, role: 1 },
    ).lean();
    const recipients = memberships
      .filter(
        (m) =>
          !spec.thread ||
          canSeeThread({ userId: m.userId.toHexString(), role: m.role }, spec.thread.audience),
      )
      .map((m) => m.userId);
    if (recipients.length === 0) return;
    const now = new Date();
    const records: NotificationRecord[] = recipients.map((userId) => ({
      _id: new Types.ObjectId(),
      userId,
      kind: spec.kind,
      documentId: new Types.ObjectId(spec.documentId),
      threadId: spec.thread ? new Types.ObjectId(spec.thread.id) : null,
      commentId: new Types.ObjectId(spec.commentId),
      revision: spec.revision,
      ...(spec.role ? { role: spec.role } : {}),
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
    const document = await DocumentModel.findById(spec.documentId, { title: 1 }).lean();
    for (const record of records) {
      const userId = record.userId.toHexString();
      const event: NotificationCreatedEvent = {
        type: 'notification.created',
        notification: presentNotification(record, document?.title ?? '', false),
      };
      const audience: EventAudience = spec.thread
        ? { user: userId, thread: spec.thread.audience }
        : { user: userId };
      ctx.collab.broadcastEvent(spec.documentId, event, audience);
      // and on their own channel, wherever they are in the app: the bell updates without polling
      ctx.collab.sendToUser(userId, event);
    }
  } catch (error) {
    ctx.logger.error(
      { err: error, kind: spec.kind, documentId: spec.documentId },
      'notifications not stored',
    );
  }
}

/** Every member of the document (for news that concerns them all: a version, a publication). */
export async function memberIds(documentId: string): Promise<string[]> {
  const memberships = await Membership.find({ documentId }, { userId: 1 }).lean();
  return memberships.map((m) => m.userId.toHexString());
}

/** The document's members from the given organisations who may comment (reviewer or above). */
export async function membersOfOrganisations(
  documentId: string,
  organisationIds: string[],
): Promise<string[]> {
  const wanted = new Set(organisationIds);
  const memberships = await Membership.find({ documentId }, { userId: 1, role: 1 }).lean();
  const eligible = memberships.filter((m) => m.role !== 'observer');
  const users = await Promise.all(eligible.map((m) => User.findById(m.userId, { organisationId: 1 }).lean()));
  return eligible.flatMap((m, i) => {
    const organisation = users[i]?.organisationId?.toHexString();
    return organisation && wanted.has(organisation) ? [m.userId.toHexString()] : [];
  });
}
