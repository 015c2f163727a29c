import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/** That a coordinator revoked a join link: insert-only under the link's id (hex) as `_id`. */
export interface JoinLinkRevocationRecord {
  _id: string;
  documentId: Types.ObjectId;
  actorId: Types.ObjectId;
  at: Date;
}

const schema = new Schema<JoinLinkRevocationRecord>(
  {
    _id: { type: String, required: true },
    documentId: { type: Schema.Types.ObjectId, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'join_link_revocations', versionKey: false, strict: 'throw' },
);

schema.index({ documentId: 1 });

export const JoinLinkRevocation = mongoose.model<JoinLinkRevocationRecord>('JoinLinkRevocation', schema);
