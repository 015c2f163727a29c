import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { ROLES, type Role } from '@accord/shared';

export interface MembershipRecord {
  /** `<documentId>:<userId>` (membershipKey): the access check is one lookup by `_id` */
  _id: string;
  documentId: Types.ObjectId;
  userId: Types.ObjectId;
  role: Role;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A membership's key. The access check of every request and socket reads one membership; by `_id`
 * it is answered from an index on FerretDB 1.24 too, where a filter on other fields scans.
 */
export function membershipKey(documentId: Types.ObjectId | string, userId: Types.ObjectId | string): string {
  return `${String(documentId)}:${String(userId)}`;
}

const schema = new Schema<MembershipRecord>(
  {
    _id: { type: String },
    documentId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ROLES, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

// the key follows from the document and the user, so whoever creates a membership cannot get it wrong
schema.pre('validate', function () {
  this._id = membershipKey(this.documentId, this.userId);
});
// one membership per (document, user): `_id` is the pair, so a concurrent second invitation of the
// same person fails with E11000
// "my documents"
schema.index({ userId: 1, createdAt: -1 });

export const Membership = mongoose.model<MembershipRecord>('Membership', schema, 'memberships');
