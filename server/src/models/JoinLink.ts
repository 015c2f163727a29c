import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { JOIN_LINK_ROLES, type JoinLinkRole } from '@accord/shared';

/**
 * A shareable link that lets whoever opens it join a document with `role` until `expiresAt`,
 * insert-only. Only the SHA-256 of the link's token is stored (unique). Its revocation is a
 * JoinLinkRevocation.
 */
export interface JoinLinkRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  /** SHA-256 (hex) of the token in the link (`/join#<token>`) */
  tokenHash: string;
  role: JoinLinkRole;
  createdBy: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<JoinLinkRecord>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true },
    role: { type: String, enum: JOIN_LINK_ROLES, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'join_links', versionKey: false, strict: 'throw' },
);

schema.index({ tokenHash: 1 }, { unique: true });
schema.index({ documentId: 1, createdAt: -1 });

export const JoinLink = mongoose.model<JoinLinkRecord>('JoinLink', schema);
