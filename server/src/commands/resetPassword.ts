import type { Logger } from '../logger.js';
import { User } from '../models/User.js';
import { PasswordResetToken, PasswordResetUse } from '../models/PasswordResetToken.js';
import { hashSecretToken } from '../auth/secretToken.js';
import { assertStrongPassword } from '../auth/assertStrongPassword.js';
import { hashPassword } from '../auth/passwordHashing.js';
import { toAuthenticatedUser } from '../auth/toAuthenticatedUser.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { TokenInvalid } from '../errors/TokenInvalid.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * Sets a new password with an emailed token. The token must exist, not have expired and not have
 * been used; the password is checked like at registration. The use is recorded (unique insert)
 * after the checks and before the password changes: of two resets with one token at the same
 * moment, one changes the password, the other gets 400 token_invalid. The caller ends the user's
 * sessions and closes their sockets.
 */
export async function resetPassword(
  deps: { logger: Logger; scryptCost: number },
  input: { token: string; password: string },
  now = new Date(),
): Promise<AuthenticatedUser> {
  const hash = hashSecretToken(input.token);
  const [token, used] = await Promise.all([
    PasswordResetToken.findById(hash).lean(),
    PasswordResetUse.findById(hash, { _id: 1 }).lean(),
  ]);
  if (!token || token._id !== hash || used || token.expiresAt <= now) throw new TokenInvalid();
  const account = await User.findById(token.userId, { passwordHash: 0 }).lean();
  // a link asked for before the password last changed (another link, or the settings) is spent
  if (!account || (account.passwordChangedAt && token.createdAt <= account.passwordChangedAt)) {
    throw new TokenInvalid();
  }
  const user = toAuthenticatedUser(account);
  assertStrongPassword(input.password, user);
  const passwordHash = await hashPassword(input.password, deps.scryptCost);
  try {
    await PasswordResetUse.create({ _id: hash, userId: token.userId, at: new Date() });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new TokenInvalid();
    throw error;
  }
  await User.updateOne({ _id: token.userId }, { $set: { passwordHash, passwordChangedAt: new Date() } });
  await recordAuditEvent(deps.logger, { actorId: user.id, action: 'user.password_reset' });
  return user;
}
