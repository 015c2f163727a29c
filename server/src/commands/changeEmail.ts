import type { Logger } from '../logger.js';
import { User } from '../models/User.js';
import { AccountDeletion } from '../models/AccountDeletion.js';
import { EmailChangeToken, EmailChangeUse } from '../models/EmailChangeToken.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { hashSecretToken, newSecretToken } from '../auth/secretToken.js';
import { verifyPassword } from '../auth/passwordHashing.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { EmailTaken, NotFound, WrongPassword } from '../errors/ApiError.js';
import { TokenInvalid } from '../errors/TokenInvalid.js';
import type { Mailer } from '../mail/Mailer.js';
import { emailChangeMail } from '../mail/emailChangeMail.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * The signed-in user asks to change their email (the current password is asked for): a link to
 * confirm goes to the new address, valid for `tokenMs`. Whether the new address is taken is only
 * said when the link is used (409 email_taken), by its owner.
 */
export async function requestEmailChange(
  deps: { mailer: Mailer; tokenMs: number; linkBase: string },
  actor: AuthenticatedUser,
  input: { newEmail: string; currentPassword: string },
): Promise<void> {
  const record = await User.findById(actor.id, { passwordHash: 1 }).lean();
  if (!record || record._id.toHexString() !== actor.id) throw new NotFound('No such account.');
  if (!(await verifyPassword(input.currentPassword, record.passwordHash))) throw new WrongPassword();
  const { token, hash } = newSecretToken();
  const now = new Date();
  await EmailChangeToken.create({
    _id: hash,
    userId: record._id,
    newEmail: input.newEmail,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.tokenMs),
  });
  await deps.mailer.send(
    emailChangeMail({
      to: input.newEmail,
      name: actor.name,
      locale: actor.locale,
      link: `${deps.linkBase}/confirm-email#${token}`,
    }),
  );
}

/**
 * Uses a confirmation link: the use is recorded under the token's hash first (single use, also
 * against concurrent clicks), then the address changes; the unique email index refuses an address
 * another account has taken meanwhile (409 email_taken; ask again with another address).
 */
export async function confirmEmailChange(logger: Logger, token: string, now = new Date()): Promise<string> {
  const hash = hashSecretToken(token);
  const request = await EmailChangeToken.findById(hash).lean();
  if (!request || request._id !== hash || request.expiresAt <= now) throw new TokenInvalid();
  // a deleted account's pending change must not give its anonymised record an address again
  if (await AccountDeletion.exists({ _id: request.userId.toHexString() })) throw new TokenInvalid();
  try {
    await EmailChangeUse.create({ _id: hash, userId: request.userId, at: now });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new TokenInvalid();
    throw error;
  }
  try {
    await User.updateOne({ _id: request.userId }, { $set: { email: request.newEmail } });
  } catch (error) {
    // MongoDB answers E11000; FerretDB 1.24 answers an update that breaks a unique index with its
    // SQLite constraint error, so look: is the address another account's?
    const owner = await User.findOne({ email: request.newEmail }, { _id: 1 }).lean();
    if (isDuplicateKeyError(error) || (owner && !owner._id.equals(request.userId))) throw new EmailTaken();
    throw error;
  }
  const userId = request.userId.toHexString();
  await recordAuditEvent(logger, {
    actorId: userId,
    action: 'user.email_changed',
    data: { to: request.newEmail },
  });
  return userId;
}
