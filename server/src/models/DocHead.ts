import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * Where a document's newest snapshot is, as a hint: `_id` is the document id, `snapshot` the
 * sequence number of a snapshot at or before the newest. Raised with `$max` after each compaction;
 * a write lost to a concurrent one only makes the next load walk one snapshot further.
 */
export interface DocHeadRecord {
  _id: Types.ObjectId;
  snapshot: number;
}

const docHeadSchema = new Schema<DocHeadRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    snapshot: { type: Number, required: true },
  },
  { collection: 'doc_heads', versionKey: false },
);

export const DocHead = mongoose.model<DocHeadRecord>('DocHead', docHeadSchema);
