import '../database/plugins.js';
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/**
 * One Yjs update of a document, insert-only, under the key `<documentId>:<seq>` (database/sequenceKey.ts):
 * seq counts a document's records from 1. A room loads its updates by `_id` alone, the one lookup
 * that FerretDB 1.24 (the development database) answers from an index, so opening a document costs
 * the same whatever else the database holds. The SHA-256 of the bytes tells a retried write's own
 * record from another writer's under the same key. Updates are deleted only by compaction, and only
 * those it folded into a snapshot.
 */
const docUpdateSchema = new Schema(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    update: { type: Buffer, required: true },
    hash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'doc_updates', versionKey: false },
);

export type DocUpdateRecord = InferSchemaType<typeof docUpdateSchema>;

export const DocUpdate = mongoose.model('DocUpdate', docUpdateSchema);
