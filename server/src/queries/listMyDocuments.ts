import mongoose from 'mongoose';
import type { Role } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { Membership } from '../models/Membership.js';
import { DeletedDocument } from '../models/DeletedDocument.js';

/** Bounded: the list is one page, newest first. */
const MAX_DOCUMENTS = 500;

/** The documents the user is a member of (not deleted ones), newest first, each with the user's role (no $lookup). */
export async function listMyDocuments(
  userId: string,
): Promise<Array<{ document: DocumentRecord; role: Role }>> {
  const memberships = await Membership.find({ userId }, { documentId: 1, role: 1 }).lean();
  if (memberships.length === 0) return [];
  const roles = new Map(memberships.map((m) => [m.documentId.toHexString(), m.role]));
  // documents in the bin are listed only under "Deleted documents" (listDeletedDocuments)
  const deleted = await DeletedDocument.find(
    { _id: mongoose.trusted({ $in: [...roles.keys()] }) },
    { _id: 1 },
  ).lean();
  for (const d of deleted) roles.delete(d._id);
  if (roles.size === 0) return [];
  const documents = await DocumentModel.find({
    _id: mongoose.trusted({ $in: [...roles.keys()] }),
  })
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_DOCUMENTS)
    .lean();
  return documents.map((document) => ({ document, role: roles.get(document._id.toHexString())! }));
}
