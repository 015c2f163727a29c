import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

/**
 * That an account was deleted, insert-only under the user's id as `_id`: of two deletions at the
 * same moment one is stored (the other is 404). The user record is then anonymised in place (only
 * the deleting request touches it after this insert); what they wrote stays, shown as a former
 * member of `organisationId`.
 */
export interface AccountDeletionRecord {
  /** the user's id (hex) */
  _id: string;
  organisationId: Types.ObjectId | null;
  /** the documents they were a member of, and their role there */
  memberships: Array<{ documentId: Types.ObjectId; role: string }>;
  at: Date;
}

const schema = new Schema<AccountDeletionRecord>(
  {
    _id: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    memberships: {
      type: [{ _id: false, documentId: Schema.Types.ObjectId, role: String }],
      default: [],
    },
    at: { type: Date, required: true },
  },
  { collection: 'account_deletions', versionKey: false, strict: 'throw' },
);

export const AccountDeletion = mongoose.model<AccountDeletionRecord>('AccountDeletion', schema);
