import { Types } from 'mongoose';
import { DocumentText } from '../models/DocumentText.js';
import type { SearchText } from './extractSearchText.js';
import { DocumentModel } from '../models/Document.js';
import { isDocumentDeleted } from '../queries/isDocumentDeleted.js';

/**
 * Overwrites the document's derived search text. Two writers at once (two instances, or a lazy
 * fill beside an edit): either text is a true state of the document, and the next edit writes again.
 * Not for a deleted or purged document (a room unloading after the deletion): the purge must leave
 * nothing of its text behind.
 */
export async function storeSearchText(documentId: string, text: SearchText): Promise<void> {
  const _id = new Types.ObjectId(documentId);
  const [exists, deleted] = await Promise.all([DocumentModel.exists({ _id }), isDocumentDeleted(documentId)]);
  if (!exists || deleted) return;
  const record = { _id, pieces: text.pieces, folded: text.folded, derivedAt: new Date() };
  try {
    await DocumentText.replaceOne({ _id }, record, { upsert: true });
  } catch (error) {
    // two upserts of a missing record at once: the other inserted it, so overwrite it
    if ((error as { code?: number }).code !== 11000) throw error;
    await DocumentText.replaceOne({ _id }, record);
  }
}
