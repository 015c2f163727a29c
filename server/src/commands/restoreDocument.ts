import { DeletedDocument } from '../models/DeletedDocument.js';
import { Membership, membershipKey } from '../models/Membership.js';
import { NotFound } from '../errors/ApiError.js';
import { isObjectIdString } from '../database/isObjectIdString.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Takes a deleted document out of the bin, for one of its coordinators, while the retention window
 * lasts (afterwards it is, or is about to be, purged: 404 like for anything unknown). Removing
 * the bin record is all it takes: the document, its members and its content were never touched.
 */
export async function restoreDocument(
  ctx: CommandContext,
  documentId: string,
  retentionMs: number,
): Promise<void> {
  if (!isObjectIdString(documentId)) throw new NotFound('No such document.');
  const [deleted, membership] = await Promise.all([
    DeletedDocument.findById(documentId).lean(),
    Membership.findById(membershipKey(documentId, ctx.actor.id), { role: 1 }).lean(),
  ]);
  if (!deleted || membership?.role !== 'coordinator') throw new NotFound('No such document.');
  if (deleted.deletedAt.getTime() + retentionMs <= Date.now()) throw new NotFound('No such document.');
  const removed = await DeletedDocument.deleteOne({ _id: documentId });
  // restored by a concurrent request: the answer is the same, the document is back
  if (removed.deletedCount === 1) {
    await recordAuditEvent(ctx.logger, { actorId: ctx.actor.id, action: 'document.restored', documentId });
  }
}
