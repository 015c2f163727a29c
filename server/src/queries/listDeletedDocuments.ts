import mongoose from 'mongoose';
import type { PresentedDeletedDocument } from '@accord/shared';
import { DeletedDocument } from '../models/DeletedDocument.js';
import { Membership } from '../models/Membership.js';

const MAX_DOCUMENTS = 500;

/** Documents in the bin that the user coordinates and can still restore, most recently deleted first. */
export async function listDeletedDocuments(
  userId: string,
  retentionMs: number,
): Promise<PresentedDeletedDocument[]> {
  const memberships = await Membership.find({ userId, role: 'coordinator' }, { documentId: 1 }).lean();
  if (memberships.length === 0) return [];
  const since = new Date(Date.now() - retentionMs);
  const rows = await DeletedDocument.find({
    _id: mongoose.trusted({ $in: memberships.map((m) => m.documentId.toHexString()) }),
    deletedAt: mongoose.trusted({ $gt: since }),
  })
    .sort({ deletedAt: -1 })
    .limit(MAX_DOCUMENTS)
    .lean();
  return rows.map((d) => ({
    id: d._id,
    title: d.title,
    deletedAt: d.deletedAt.toISOString(),
    purgeAt: new Date(d.deletedAt.getTime() + retentionMs).toISOString(),
  }));
}
