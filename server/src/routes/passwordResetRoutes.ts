import type { Router } from 'express';
import { passwordResetBody, passwordResetRequestBody } from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { SessionMiddleware } from '../auth/createSessionMiddleware.js';
import type { PasswordHashingGate } from '../auth/PasswordHashingGate.js';
import type { Mailer } from '../mail/Mailer.js';
import type { LimiterFactory } from '../security/WindowLimiter.js';
import { RateLimited } from '../errors/ApiError.js';
import { logIn } from '../auth/logIn.js';
import { requestPasswordReset } from '../commands/requestPasswordReset.js';
import { resetPassword } from '../commands/resetPassword.js';
import { presentUser } from '../presenters/presentUser.js';
import { findOrganisation } from '../queries/findOrganisation.js';
import { linkBase } from '../mail/linkBase.js';
import { validate } from './validate.js';

export interface PasswordResetRouteDeps {
  env: Env;
  logger: Logger;
  collab: CollabControl;
  sessionMiddleware: SessionMiddleware;
  mailer: Mailer;
  hashing: PasswordHashingGate;
  limiters: LimiterFactory;
}

/**
 * POST /api/auth/password-reset {email}: 202 whatever the address (rate-limited per client address
 * with 429; per address silently: the answer stays the same, no more email is sent).
 * POST /api/auth/password-reset/confirm {token, password}: sets the password, ends every session
 * of the account and closes its sockets, and signs this browser in (200 with the user).
 */
export function createPasswordResetRoutes(router: Router, deps: PasswordResetRouteDeps): void {
  const { env, logger, collab, sessionMiddleware, mailer, hashing, limiters } = deps;
  const perIp = limiters('reset-ip', {
    maxAttempts: env.passwordReset.maxPerIp,
    windowMs: env.passwordReset.windowMs,
  });
  const perEmail = limiters('reset-email', {
    maxAttempts: env.passwordReset.maxPerEmail,
    windowMs: env.passwordReset.windowMs,
  });

  router.post('/password-reset', async (req, res) => {
    const { email } = validate(passwordResetRequestBody, req.body);
    const verdict = await perIp.attempt(req.ip ?? 'unknown');
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    res.status(202).json({ accepted: true });
    // after the answer: whether the account exists changes neither the answer nor its timing
    const resetDeps = { mailer, tokenMs: env.passwordReset.tokenMs, linkBase: linkBase(env, req) };
    perEmail
      .attempt(email.toLowerCase())
      .then((perAddress) => (perAddress.allowed ? requestPasswordReset(resetDeps, email) : undefined))
      .catch((error: unknown) => logger.error({ err: error }, 'password reset request failed'));
  });

  router.post('/password-reset/confirm', async (req, res) => {
    const body = validate(passwordResetBody, req.body);
    const ip = req.ip ?? 'unknown';
    const user = await hashing.run(ip, () => resetPassword({ logger, scryptCost: env.scryptCost }, body));
    await sessionMiddleware.store.destroyUserSessions(user.id);
    collab.disconnectUser(user.id);
    await logIn(req, user);
    res.json({ user: presentUser(user, await findOrganisation(user.organisationId)) });
  });
}
