import '../database/plugins.js';
import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/**
 * A document's merged Yjs state, insert-only under the key `<documentId>:<seq>`: the unique `_id`
 * is the compare-and-swap between two compactions of one document. It holds every update with a
 * sequence number up to `upTo`; loading reads the updates after it. Once a newer snapshot exists,
 * the older one keeps its record without its state, so snapshot records are always 1…n with no
 * gap and a load can walk forward from any hint (models/DocHead.ts) to the newest.
 */
const docSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    /** null once a newer snapshot holds it */
    state: { type: Buffer, default: null },
    upTo: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'doc_snapshots', versionKey: false },
);

export type DocSnapshotRecord = InferSchemaType<typeof docSnapshotSchema>;

export const DocSnapshot = mongoose.model('DocSnapshot', docSnapshotSchema);
