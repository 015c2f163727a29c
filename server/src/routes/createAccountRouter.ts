import { Router } from 'express';
import { accountUpdateBody, passwordChangeBody } from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { SessionMiddleware } from '../auth/createSessionMiddleware.js';
import type { PasswordHashingGate } from '../auth/PasswordHashingGate.js';
import { requireUser } from '../auth/requireUser.js';
import { FixedWindowLimiter } from '../security/FixedWindowLimiter.js';
import { RateLimited } from '../errors/ApiError.js';
import { updateAccount } from '../commands/updateAccount.js';
import { changePassword } from '../commands/changePassword.js';
import { presentUser } from '../presenters/presentUser.js';
import { validate } from './validate.js';

export interface AccountRouterDeps {
  env: Env;
  logger: Logger;
  collab: CollabControl;
  sessionMiddleware: SessionMiddleware;
  hashing: PasswordHashingGate;
}

/**
 * /api/account (the signed-in user's own account):
 * - PATCH / {name?, locale?, organisation?}: 200 with the user as /api/auth/me shows it;
 * - POST /password {currentPassword, newPassword}: 204; every other session of the account ends
 *   and the account's collaboration sockets close (this browser's reconnect). Wrong current
 *   passwords count like failed logins (LOGIN_MAX_ATTEMPTS per LOGIN_WINDOW_SECONDS, per account).
 */
export function createAccountRouter({
  env,
  logger,
  collab,
  sessionMiddleware,
  hashing,
}: AccountRouterDeps): Router {
  const router = Router();
  const attempts = new FixedWindowLimiter({
    maxAttempts: env.login.maxAttempts,
    windowMs: env.login.windowMs,
  });

  router.patch('/', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(accountUpdateBody, req.body);
    const { user, organisation } = await updateAccount(logger, actor, body);
    res.json({ user: presentUser(user, organisation) });
  });

  router.post('/password', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(passwordChangeBody, req.body);
    const verdict = attempts.attempt(actor.id);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    await hashing.run(req.ip ?? 'unknown', () =>
      changePassword({ logger, scryptCost: env.scryptCost }, actor, body),
    );
    attempts.reset(actor.id);
    await sessionMiddleware.store.destroyUserSessions(actor.id, req.sessionID);
    collab.disconnectUser(actor.id);
    res.status(204).end();
  });

  return router;
}
