import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * A document in the bin: deleted by a coordinator, unreadable by anyone (permissions/roleOn.ts),
 * restorable by its coordinators until the retention window ends, then purged
 * (database/Housekeeping.ts). `_id` is the document id: the unique key makes two
 * concurrent deletions one (the second is told the document is gone); restoring removes the record.
 */
export interface DeletedDocumentRecord {
  _id: string;
  title: string;
  deletedBy: Types.ObjectId;
  deletedAt: Date;
}

const schema = new Schema<DeletedDocumentRecord>(
  {
    _id: { type: String },
    title: { type: String, required: true },
    deletedBy: { type: Schema.Types.ObjectId, required: true },
    deletedAt: { type: Date, required: true, default: () => new Date() },
  },
  { strict: 'throw', versionKey: false },
);
schema.index({ deletedAt: 1 });

export const DeletedDocument = mongoose.model<DeletedDocumentRecord>(
  'DeletedDocument',
  schema,
  'deleted_documents',
);
