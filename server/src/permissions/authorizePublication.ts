import type { Role } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import type { PublicationRecord } from '../models/Publication.js';
import { NotFound } from '../errors/ApiError.js';
import { findPublication } from '../queries/publications.js';
import { roleOn } from './roleOn.js';
import { DeletedDocument } from '../models/DeletedDocument.js';

export interface AuthorizedPublication {
  publication: PublicationRecord;
  document: DocumentRecord;
  /** the viewer's role on the document; null for someone who sees it because it is public */
  role: Role | null;
}

const NOT_FOUND = 'No such publication.';

/**
 * Who may read a publication through the API (read it, export it, verify a file against it):
 * every member of its document, whatever the role; and, while the document is public, anyone,
 * signed in or not, as on its public page. Everyone else gets 404, the answer for an unknown id,
 * so nobody learns that a publication of a document they cannot see exists (a signed-out caller
 * gets 404 too, not 401).
 */
export async function authorizePublication(
  userId: string | null,
  publicationId: string,
): Promise<AuthorizedPublication> {
  const publication = await findPublication(publicationId);
  if (!publication) throw new NotFound(NOT_FOUND);
  const documentId = publication.documentId.toHexString();
  const [document, role, deleted] = await Promise.all([
    DocumentModel.findById(documentId).lean(),
    userId ? roleOn(userId, documentId) : null,
    DeletedDocument.exists({ _id: documentId }),
  ]);
  // a deleted document's publications are gone for everyone while it waits in the bin
  if (!document || deleted || (!role && !document.public)) throw new NotFound(NOT_FOUND);
  return { publication, document, role };
}
