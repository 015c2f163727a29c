import { Types } from 'mongoose';
import { AuditEvent, type AuditAction } from '../models/AuditEvent.js';
import type { Logger } from '../logger.js';

export interface AuditEntry {
  actorId: string;
  action: AuditAction;
  documentId?: string | null;
  subjectUserId?: string | null;
  data?: Record<string, unknown>;
}

const ATTEMPTS = 3;

/**
 * Appends an audit record after a command's change has been made. It never fails the command:
 * the change has already happened and answering an error would invite a retry of it. If the
 * database refuses the record, it is retried briefly and then written to the log at error level
 * with all its content, so the trail is not lost.
 */
export async function recordAuditEvent(logger: Logger, entry: AuditEntry): Promise<void> {
  const record = {
    actorId: new Types.ObjectId(entry.actorId),
    action: entry.action,
    documentId: entry.documentId ? new Types.ObjectId(entry.documentId) : null,
    subjectUserId: entry.subjectUserId ? new Types.ObjectId(entry.subjectUserId) : null,
    data: entry.data ?? {},
    at: new Date(),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await AuditEvent.create(record);
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        logger.error({ err: error, audit: entry }, 'audit event not stored');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
