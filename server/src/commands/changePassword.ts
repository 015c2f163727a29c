import type { PasswordChangeBody } from '@accord/shared';
import type { Logger } from '../logger.js';
import { User } from '../models/User.js';
import type { AuthenticatedUser } from '../auth/AuthenticatedUser.js';
import { assertStrongPassword } from '../auth/assertStrongPassword.js';
import { hashPassword, verifyPassword } from '../auth/passwordHashing.js';
import { NotFound, WrongPassword } from '../errors/ApiError.js';
import { recordAuditEvent } from './recordAuditEvent.js';

/**
 * The signed-in user changes their password: the current one must be right (400 wrong_password),
 * the new one is checked like at registration. The caller ends the user's other sessions.
 */
export async function changePassword(
  deps: { logger: Logger; scryptCost: number },
  actor: AuthenticatedUser,
  input: PasswordChangeBody,
): Promise<void> {
  const record = await User.findById(actor.id, { passwordHash: 1 }).lean();
  if (!record || record._id.toHexString() !== actor.id) throw new NotFound('No such account.');
  if (!(await verifyPassword(input.currentPassword, record.passwordHash))) throw new WrongPassword();
  assertStrongPassword(input.newPassword, actor);
  const passwordHash = await hashPassword(input.newPassword, deps.scryptCost);
  await User.updateOne({ _id: actor.id }, { $set: { passwordHash, passwordChangedAt: new Date() } });
  await recordAuditEvent(deps.logger, { actorId: actor.id, action: 'user.password_changed' });
}
