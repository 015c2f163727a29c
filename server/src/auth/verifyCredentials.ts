import { User } from '../models/User.js';
import { DatabaseAnswerMismatch } from '../database/DatabaseAnswerMismatch.js';
import type { AuthenticatedUser } from './AuthenticatedUser.js';
import { verifyDummyPassword, verifyPassword } from './passwordHashing.js';
import { toAuthenticatedUser } from './toAuthenticatedUser.js';

/**
 * The user with this email and password, or null. An unknown email costs one scrypt like a known
 * one, so the timing does not tell which accounts exist.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  scryptCost: number,
): Promise<AuthenticatedUser | null> {
  const user = await User.findOne({ email }).lean();
  if (!user || user.deletedAt) {
    await verifyDummyPassword(password, scryptCost);
    return null;
  }
  const authenticated = toAuthenticatedUser(user);
  // a reply meant for another query must never sign anyone in as someone else
  if (authenticated.email !== email)
    throw new DatabaseAnswerMismatch('the database answered with another user');
  return (await verifyPassword(password, user.passwordHash)) ? authenticated : null;
}
