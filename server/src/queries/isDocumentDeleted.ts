import { DeletedDocument } from '../models/DeletedDocument.js';

/** Whether the document is in the bin (deleted, not yet purged): nothing of it may be shown. */
export async function isDocumentDeleted(documentId: string): Promise<boolean> {
  return (await DeletedDocument.exists({ _id: documentId })) !== null;
}
