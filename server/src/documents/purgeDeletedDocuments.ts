import mongoose from 'mongoose';
import { DocumentModel } from '../models/Document.js';
import { DocHead } from '../models/DocHead.js';
import { DocumentText } from '../models/DocumentText.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import type { Logger } from '../logger.js';
import { recordAuditEvent } from '../commands/recordAuditEvent.js';

/**
 * Purges the documents that have been in the bin longer than `retentionMs`: every record of every
 * model with a `documentId` field (text updates, snapshots, comments, versions, publications,
 * members, invitations, notifications, audit events, and the models added later, which need no
 * change here), the document's head, search text and record, then the bin record itself, last, so a purge
 * interrupted half-way is taken up again by the next run. Idempotent: several instances may run
 * it at once. Answers how many documents were purged.
 *
 * FerretDB has no TTL indexes, so this runs on a timer in the server (database/Housekeeping.ts).
 */
export async function purgeDeletedDocuments(logger: Logger, retentionMs: number): Promise<number> {
  const before = new Date(Date.now() - retentionMs);
  const due = await DeletedDocument.find({ deletedAt: mongoose.trusted({ $lte: before }) })
    .limit(100)
    .lean();
  const models = Object.values(mongoose.models).filter(
    (model) => model.schema.path('documentId') !== undefined,
  );
  for (const deleted of due) {
    const documentId = deleted._id;
    for (const model of models) await model.deleteMany({ documentId });
    await DocHead.deleteOne({ _id: documentId });
    await DocumentText.deleteOne({ _id: documentId });
    await DocumentModel.deleteOne({ _id: documentId });
    await DeletedDocument.deleteOne({ _id: documentId });
    // no title: nothing of the document is kept, only that it was purged
    await recordAuditEvent(logger, {
      actorId: deleted.deletedBy.toHexString(),
      action: 'document.purged',
      documentId,
    });
    logger.info({ documentId }, 'deleted document purged');
  }
  return due.length;
}
