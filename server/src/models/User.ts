import '../database/plugins.js';
import mongoose, { Schema, type Types } from 'mongoose';

export interface UserRecord {
  _id: Types.ObjectId;
  /** lower case; unique */
  email: string;
  name: string;
  /** self-describing scrypt hash (auth/passwordHashing.ts) */
  passwordHash: string;
  organisationId: Types.ObjectId | null;
  locale: string;
  /** when the password was last reset or changed: reset links made before then no longer work */
  passwordChangedAt?: Date | null;
  /** set when the account was deleted (AccountDeletion): the record stays, anonymised */
  deletedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<UserRecord>(
  {
    email: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    locale: { type: String, required: true, default: 'en' },
    passwordChangedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true, strict: 'throw' },
);

// the unique index, not a prior lookup, decides who gets an email: concurrent registrations race
schema.index({ email: 1 }, { unique: true });

export const User = mongoose.model<UserRecord>('User', schema, 'users');
