import { Limits, stripBidiControls } from '@accord/shared';
import { DocumentModel } from '../models/Document.js';
import type { Logger } from '../logger.js';
import { serializePerDocument } from '../documents/serializePerDocument.js';

/**
 * Keeps a document's name (lists, page heading) in step with the title written in its text, which
 * collaborators edit like any other text. Called by the collaboration server, debounced.
 */
export function followDocumentTitle(logger: Logger, documentId: string, text: string): Promise<void> {
  // the title line is text anyone who may edit writes: the same rule as a title sent to the API
  const title = stripBidiControls(text).trim().slice(0, Limits.titleMax);
  if (!title) return Promise.resolve();
  return serializePerDocument(documentId, async () => {
    await DocumentModel.updateOne({ _id: documentId }, { $set: { title } });
  }).catch((error: unknown) => {
    logger.warn({ err: error, documentId }, 'could not store the title written in the document');
  });
}
