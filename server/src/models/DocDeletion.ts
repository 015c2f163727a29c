import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * What one user deleted in one stored record of a document's updates (Yjs carries no deleter in a
 * delete set, so the server records it as it applies each accepted update). Insert-only, written
 * with the update records it belongs to (DocumentStore.append), under `<documentId>:<hash of that
 * update record>`, so a retried write stores it once. `ranges` is flat: client, clock, length, …
 * Compaction does not touch these.
 */
export interface DocDeletionRecord {
  _id: string;
  documentId: Types.ObjectId;
  userId: Types.ObjectId;
  ranges: number[];
  at: Date;
}

const schema = new Schema<DocDeletionRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    ranges: { type: [Number], required: true },
    at: { type: Date, required: true },
  },
  { collection: 'doc_deletions', versionKey: false, strict: 'throw' },
);

schema.index({ documentId: 1 });

export const DocDeletion = mongoose.model<DocDeletionRecord>('DocDeletion', schema);
