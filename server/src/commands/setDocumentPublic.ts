import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { NotFound } from '../errors/ApiError.js';
import type { CommandContext } from './CommandContext.js';
import { recordAuditEvent } from './recordAuditEvent.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Makes the document's publications public (each gets a page readable without signing in) or
 * members-only again. Drafts, comments and members never become public. Queued per document like
 * every update of the document record (see renameDocument).
 */
export function setDocumentPublic(
  ctx: CommandContext,
  documentId: string,
  isPublic: boolean,
): Promise<DocumentRecord> {
  return serializePerDocument(documentId, async () => {
    const document = await DocumentModel.findOneAndUpdate(
      { _id: documentId },
      { $set: { public: isPublic } },
      { returnDocument: 'after' },
    ).lean();
    if (!document) throw new NotFound('No such document.');
    await recordAuditEvent(ctx.logger, {
      actorId: ctx.actor.id,
      action: 'document.visibility_changed',
      documentId,
      data: { public: isPublic },
    });
    return document;
  });
}
