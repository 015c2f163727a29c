import { Router } from 'express';
import type { PassportStatic } from 'passport';
import { loginBody, registerBody } from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { SessionMiddleware } from '../auth/createSessionMiddleware.js';
import { SESSION_COOKIE } from '../auth/createSessionMiddleware.js';
import { LoginRateLimiter } from '../auth/LoginRateLimiter.js';
import { authenticateLocal } from '../auth/authenticateLocal.js';
import { logIn } from '../auth/logIn.js';
import { requireUser } from '../auth/requireUser.js';
import { registerUser } from '../commands/registerUser.js';
import { findOrganisation } from '../queries/findOrganisation.js';
import { presentUser } from '../presenters/presentUser.js';
import { InvalidCredentials, RateLimited } from '../errors/ApiError.js';
import { validate } from './validate.js';

export interface AuthRouterDeps {
  env: Env;
  logger: Logger;
  passport: PassportStatic;
  collab: CollabControl;
  sessionMiddleware: SessionMiddleware;
}

/** /api/auth: register, login, logout, me. */
export function createAuthRouter({
  env,
  logger,
  passport,
  collab,
  sessionMiddleware,
}: AuthRouterDeps): Router {
  const router = Router();
  const limiter = new LoginRateLimiter(env.login);

  router.post('/register', async (req, res) => {
    const body = validate(registerBody, req.body);
    const { user, organisation } = await registerUser({ logger, scryptCost: env.scryptCost }, body);
    await logIn(req, user);
    res.status(201).json({ user: presentUser(user, organisation) });
  });

  router.post('/login', async (req, res) => {
    const body = validate(loginBody, req.body);
    const key = LoginRateLimiter.key(body.email, req.ip ?? 'unknown');
    const verdict = limiter.attempt(key);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    const user = await authenticateLocal(passport, req, res, body);
    if (!user) throw new InvalidCredentials();
    limiter.reset(key);
    await logIn(req, user);
    res.json({ user: presentUser(user, await findOrganisation(user.organisationId)) });
  });

  router.post('/logout', async (req, res) => {
    const userId = req.user?.id;
    // destroy, not just forget the user: the old session id must be worthless afterwards
    await new Promise<void>((resolve, reject) =>
      req.session.destroy((error: unknown) => (error ? reject(error) : resolve())),
    );
    res.clearCookie(SESSION_COOKIE, sessionMiddleware.cookie);
    if (userId) collab.disconnectUser(userId);
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    const user = requireUser(req);
    res.json({ user: presentUser(user, await findOrganisation(user.organisationId)) });
  });

  return router;
}
