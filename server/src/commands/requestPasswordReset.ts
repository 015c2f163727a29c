import { User } from '../models/User.js';
import { PasswordResetToken } from '../models/PasswordResetToken.js';
import { newSecretToken } from '../auth/secretToken.js';
import type { Mailer } from '../mail/Mailer.js';
import { passwordResetMail } from '../mail/passwordResetMail.js';

export interface PasswordResetDeps {
  mailer: Mailer;
  tokenMs: number;
  /** the origin links point to (PUBLIC_URL, or the request's in development) */
  linkBase: string;
}

/**
 * Emails a reset link to the account with this address, if there is one; nothing otherwise. The
 * route answers before this runs, so the answer and its timing say nothing about the account.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, email: string): Promise<void> {
  const user = await User.findOne({ email }, { name: 1, email: 1, locale: 1 }).lean();
  if (!user || user.email !== email) return;
  const { token, hash } = newSecretToken();
  const now = new Date();
  await PasswordResetToken.create({
    _id: hash,
    userId: user._id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + deps.tokenMs),
  });
  await deps.mailer.send(
    passwordResetMail({
      to: user.email,
      name: user.name,
      locale: user.locale,
      link: `${deps.linkBase}/reset-password#${token}`,
      minutes: Math.round(deps.tokenMs / 60_000),
    }),
  );
}
