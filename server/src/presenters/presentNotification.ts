import type { PresentedNotification } from '@accord/shared';
import type { NotificationRecord } from '../models/Notification.js';
import { presentedName } from '../queries/formerMembers.js';

export function presentNotification(
  record: NotificationRecord,
  documentTitle: string,
  read: boolean,
): PresentedNotification {
  return {
    id: record._id.toHexString(),
    kind: record.kind,
    documentId: record.documentId.toHexString(),
    documentTitle,
    threadId: record.threadId?.toHexString() ?? null,
    commentId: record.threadId ? record.commentId.toHexString() : null,
    ...(record.role ? { role: record.role } : {}),
    actor: { id: record.actorId.toHexString(), name: presentedName(record.actorId, record.actorName) },
    createdAt: record.createdAt.toISOString(),
    read,
  };
}
