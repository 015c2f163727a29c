import mongoose from 'mongoose';
import type { Role } from '@accord/shared';
import { DocumentModel, type DocumentRecord } from '../models/Document.js';
import { Membership } from '../models/Membership.js';

/** Bounded: the list is one page, newest first. */
const MAX_DOCUMENTS = 500;

/** The documents the user is a member of, newest first, each with the user's role (no $lookup). */
export async function listMyDocuments(
  userId: string,
): Promise<Array<{ document: DocumentRecord; role: Role }>> {
  const memberships = await Membership.find({ userId }, { documentId: 1, role: 1 }).lean();
  if (memberships.length === 0) return [];
  const roles = new Map(memberships.map((m) => [m.documentId.toHexString(), m.role]));
  const documents = await DocumentModel.find({
    _id: mongoose.trusted({ $in: memberships.map((m) => m.documentId) }),
  })
    .sort({ createdAt: -1, _id: -1 })
    .limit(MAX_DOCUMENTS)
    .lean();
  return documents.map((document) => ({ document, role: roles.get(document._id.toHexString())! }));
}
