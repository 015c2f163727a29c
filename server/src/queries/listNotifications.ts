import mongoose, { Types } from 'mongoose';
import type { CommentVisibility } from '@accord/shared';
import { Notification, type NotificationRecord } from '../models/Notification.js';
import { NotificationRead } from '../models/NotificationRead.js';
import { Membership } from '../models/Membership.js';
import { DocumentModel } from '../models/Document.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { Comment } from '../models/Comment.js';
import { CommentEvent } from '../models/CommentEvent.js';
import { canSeeThread } from '../permissions/commentPermissions.js';
import { User } from '../models/User.js';
import { receivedInvitations } from './receivedInvitations.js';

const MAX_NOTIFICATIONS = 100;

export interface NotificationRow {
  record: NotificationRecord;
  documentTitle: string;
  read: boolean;
}

/**
 * The user's latest notifications, newest first, leaving out those about documents they left or
 * threads they may no longer see (a thread made team-only), and those about documents in the bin
 * (nothing of a deleted document is readable, not even its title; back if it is restored). An invitation is listed while it is
 * pending (not for a deleted document): accepted, declined, withdrawn or expired, it goes.
 */
export async function listNotifications(userId: string, unreadOnly: boolean): Promise<NotificationRow[]> {
  const uid = new Types.ObjectId(userId);
  const records = await Notification.find({ userId: uid })
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_NOTIFICATIONS)
    .lean();
  if (records.length === 0) return [];
  const ids = records.map((r) => r._id);
  const documentIds = [...new Set(records.map((r) => r.documentId.toHexString()))].map(
    (id) => new Types.ObjectId(id),
  );
  const threadIds = [...new Set(records.flatMap((r) => (r.threadId ? [r.threadId.toHexString()] : [])))].map(
    (id) => new Types.ObjectId(id),
  );
  const [reads, memberships, documents, roots, visibilityEvents, binned] = await Promise.all([
    NotificationRead.find({ notificationId: mongoose.trusted({ $in: ids }) }, { notificationId: 1 }).lean(),
    Membership.find(
      { userId: uid, documentId: mongoose.trusted({ $in: documentIds }) },
      { documentId: 1, role: 1 },
    ).lean(),
    DocumentModel.find({ _id: mongoose.trusted({ $in: documentIds }) }, { title: 1 }).lean(),
    Comment.find({ _id: mongoose.trusted({ $in: threadIds }) }, { visibility: 1, authorId: 1 }).lean(),
    CommentEvent.find(
      { commentId: mongoose.trusted({ $in: threadIds }), type: 'visibility' },
      { commentId: 1, seq: 1, visibility: 1 },
    ).lean(),
    DeletedDocument.find(
      { _id: mongoose.trusted({ $in: documentIds.map((id) => id.toHexString()) }) },
      { _id: 1 },
    ).lean(),
  ]);
  const deleted = new Set(binned.map((d) => d._id));
  const read = new Set(reads.map((r) => r.notificationId.toHexString()));
  const roles = new Map(memberships.map((m) => [m.documentId.toHexString(), m.role]));
  const titles = new Map(documents.map((d) => [d._id.toHexString(), d.title]));
  const visibility = new Map<string, CommentVisibility>(
    roots.map((c) => [c._id.toHexString(), c.visibility]),
  );
  const threadAuthors = new Map(roots.map((c) => [c._id.toHexString(), c.authorId.toHexString()]));
  const latestSeq = new Map<string, number>();
  for (const event of visibilityEvents) {
    const key = event.commentId.toHexString();
    if (event.visibility && event.seq > (latestSeq.get(key) ?? 0)) {
      latestSeq.set(key, event.seq);
      visibility.set(key, event.visibility);
    }
  }
  const pending = await pendingInvitationIds(userId, records);
  return records.flatMap((record) => {
    if (deleted.has(record.documentId.toHexString())) return [];
    const role = roles.get(record.documentId.toHexString()) ?? null;
    // an invitation concerns someone not (yet) a member: shown while it is pending, then its work is done
    if (record.kind === 'invited') {
      if (!pending.has(record.commentId.toHexString())) return [];
    } else if (role === null) return [];
    if (record.threadId) {
      const threadId = record.threadId.toHexString();
      const threadVisibility = visibility.get(threadId);
      const authorId = threadAuthors.get(threadId) ?? '';
      if (!threadVisibility || !canSeeThread({ userId, role }, { visibility: threadVisibility, authorId }))
        return [];
    }
    const isRead = read.has(record._id.toHexString());
    if (unreadOnly && isRead) return [];
    return [{ record, documentTitle: titles.get(record.documentId.toHexString()) ?? '', read: isRead }];
  });
}

/** The ids of the user's pending invitations, when some notifications are about invitations. */
async function pendingInvitationIds(userId: string, records: NotificationRecord[]): Promise<Set<string>> {
  if (!records.some((r) => r.kind === 'invited')) return new Set();
  const user = await User.findById(userId, { email: 1 }).lean();
  if (!user) return new Set();
  const rows = await receivedInvitations(user.email);
  return new Set(rows.map((row) => row.invitation._id.toHexString()));
}
