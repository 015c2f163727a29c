import '../database/plugins.js';
import mongoose, { Schema, type InferSchemaType, type Types } from 'mongoose';

/**
 * A document's merged Yjs state. Insert-only under (documentId, seq): the unique insert is the
 * compare-and-swap between two compactions of one document. `folded` lists the doc_updates ids
 * merged into it; they are deleted after the snapshot is stored, and replaying one that survived
 * a crash in between is harmless (Yjs updates are idempotent).
 */
const docSnapshotSchema = new Schema(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    seq: { type: Number, required: true },
    state: { type: Buffer, required: true },
    folded: { type: [Schema.Types.ObjectId], default: [] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'doc_snapshots', versionKey: false },
);
docSnapshotSchema.index({ documentId: 1, seq: 1 }, { unique: true });

export type DocSnapshotRecord = InferSchemaType<typeof docSnapshotSchema> & { _id: Types.ObjectId };

export const DocSnapshot = mongoose.model('DocSnapshot', docSnapshotSchema);
