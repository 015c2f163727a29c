import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Archives or unarchives the document for all its members (hidden from My documents unless they
 * ask for archived ones; everything else about it is unchanged). A flag on the document record
 * like `public` (setDocumentPublic): two coordinators racing each other both asked for a state
 * and the last one holds, which is what either would see on reload. `updatedAt` is left alone:
 * archiving is not a change of the document ("last changed" sorts by it).
 */
export function archiveDocument(
  ctx: CommandContext,
  documentId: string,
  archived: boolean,
): Promise<DocumentRecord> {
  return serializePerDocument(documentId, async () => {
    const document = await DocumentModel.findOneAndUpdate(
      { _id: documentId },
      { $set: { archivedAt: archived ? new Date() : null } },
      { returnDocument: 'after', timestamps: false },
    ).lean();
    if (!document) throw new NotFound('No such document.');
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: archived ? 'document.archived' : 'document.unarchived',
      documentId,
    });
    return document;
  });
}
