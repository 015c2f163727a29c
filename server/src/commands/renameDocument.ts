import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Renames a document (last rename wins). Queued per document: FerretDB rewrites the whole record
 * on update, so two concurrent updates of one document could otherwise undo each other's fields.
 */
export function renameDocument(
  ctx: CommandContext,
  documentId: string,
  title: string,
): Promise<DocumentRecord> {
  return serializePerDocument(documentId, async () => {
    const before = await DocumentModel.findById(documentId, { title: 1 }).lean();
    if (!before) throw new NotFound('No such document.');
    const document = await DocumentModel.findOneAndUpdate(
      { _id: documentId },
      { $set: { title } },
      { returnDocument: 'after' },
    ).lean();
    if (!document) throw new NotFound('No such document.');
    // the title written in the text is the same title: editors see the rename at once
    await ctx.collab.setTitle(documentId, title).catch((error: unknown) => {
      ctx.logger.warn({ err: error, documentId }, 'the rename did not reach the document text');
    });
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'document.renamed',
      documentId,
      data: { from: before.title, to: title },
    });
    return document;
  });
}
