import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';
import { ROLES, type Role } from '@accord/shared';

export interface MembershipRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  userId: Types.ObjectId;
  role: Role;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<MembershipRecord>(
  {
    documentId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: ROLES, required: true },
  },
  { timestamps: true, strict: 'throw' },
);

// one membership per (document, user): a concurrent second invitation fails here with E11000
schema.index({ documentId: 1, userId: 1 }, { unique: true });
// "my documents"
schema.index({ userId: 1, createdAt: -1 });

export const Membership = mongoose.model<MembershipRecord>('Membership', schema, 'memberships');
