import '../database/plugins.js';
import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';

/**
 * One Yjs update of a document, insert-only. The SHA-256 of the bytes is unique per document, so a
 * batch retried after a write whose answer was lost stores each update once. Updates are deleted
 * only by compaction, and only those it folded into a snapshot.
 */
const docUpdateSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    update: { type: Buffer, required: true },
    hash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'doc_updates', versionKey: false },
);
docUpdateSchema.index({ documentId: 1, hash: 1 }, { unique: true });
docUpdateSchema.index({ documentId: 1, _id: 1 });

export type DocUpdateRecord = InferSchemaType<typeof docUpdateSchema> & { _id: Types.ObjectId };

export const DocUpdate = mongoose.model('DocUpdate', docUpdateSchema);
