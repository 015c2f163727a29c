import { Types } from 'mongoose';
import type { UserRecord } from '../models/User.js';
import { DatabaseAnswerMismatch } from '../database/DatabaseAnswerMismatch.js';
import type { AuthenticatedUser } from './AuthenticatedUser.js';

/**
 * The user as requests see it. Throws when the record is not a user (a reply meant for another
 * query): such an answer is an error, never somebody's identity.
 */
export function toAuthenticatedUser(user: Omit<UserRecord, 'passwordHash'>): AuthenticatedUser {
  const record = user as Partial<Record<keyof UserRecord, unknown>>;
  if (
    !(record._id instanceof Types.ObjectId) ||
    typeof record.email !== 'string' ||
    typeof record.name !== 'string' ||
    typeof record.locale !== 'string' ||
    !(
      record.organisationId === null ||
      record.organisationId === undefined ||
      record.organisationId instanceof Types.ObjectId
    )
  ) {
    throw new DatabaseAnswerMismatch('the database answered with a record that is not a user');
  }
  return {
    id: record._id.toHexString(),
    email: record.email,
    name: record.name,
    locale: record.locale,
    organisationId: record.organisationId ? record.organisationId.toHexString() : null,
  };
}
