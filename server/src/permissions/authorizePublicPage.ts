import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import type { PublicationRecord } from '../models/Publication.js';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { NotFound } from '../errors/ApiError.js';
import { findPublication } from '../queries/publications.js';

/**
 * The public page of a publication and its downloads and verify form (`/p/<id>…`, no sign-in)
 * exist only while the publication's document is public: otherwise 404, as for an unknown id,
 * whoever asks (members read non-public publications in the app).
 */
export async function authorizePublicPage(
  publicationId: string,
): Promise<{ publication: PublicationRecord; document: DocumentRecord }> {
  const publication = await findPublication(publicationId);
  if (!publication) throw new NotFound('No such publication.');
  const [document, deleted] = await Promise.all([
    DocumentModel.findById(publication.documentId).lean(),
    DeletedDocument.exists({ _id: publication.documentId.toHexString() }),
  ]);
  // a deleted document's pages are gone while it waits in the bin
  if (!document?.public || deleted) throw new NotFound('No such publication.');
  return { publication, document };
}
