import { Router } from 'express';
import type { PassportStatic } from 'passport';
import { loginBody, registerBody } from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import type { SessionMiddleware } from '../auth/createSessionMiddleware.js';
import { SESSION_COOKIE } from '../auth/createSessionMiddleware.js';
import { LoginRateLimiter } from '../auth/LoginRateLimiter.js';
import type { PasswordHashingGate } from '../auth/PasswordHashingGate.js';
import { RegistrationLimiter } from '../auth/RegistrationLimiter.js';
import type { LimiterFactory } from '../security/WindowLimiter.js';
import { assertStrongPassword } from '../auth/assertStrongPassword.js';
import { authenticateLocal } from '../auth/authenticateLocal.js';
import { logIn } from '../auth/logIn.js';
import { requireUser } from '../auth/requireUser.js';
import { registerUser } from '../commands/registerUser.js';
import { findOrganisation } from '../queries/findOrganisation.js';
import { presentUser } from '../presenters/presentUser.js';
import { InvalidCredentials, RateLimited } from '../errors/ApiError.js';
import { validate } from './validate.js';
import type { Mailer } from '../mail/Mailer.js';
import { createPasswordResetRoutes } from './passwordResetRoutes.js';

export interface AuthRouterDeps {
  env: Env;
  logger: Logger;
  passport: PassportStatic;
  collab: CollabControl;
  sessionMiddleware: SessionMiddleware;
  mailer: Mailer;
  /** one gate for every password hash (logins, registrations, resets, password changes) */
  hashing: PasswordHashingGate;
  limiters: LimiterFactory;
}

/** /api/auth: register, login, logout, me. */
export function createAuthRouter({
  env,
  logger,
  passport,
  collab,
  sessionMiddleware,
  mailer,
  hashing,
  limiters,
}: AuthRouterDeps): Router {
  const router = Router();
  const { maxAttempts, maxAttemptsPerIp, windowMs } = env.login;
  const limiter = limiters('login', { maxAttempts, windowMs });
  const ipLimiter = limiters('login-ip', { maxAttempts: maxAttemptsPerIp, windowMs });
  const registrations = new RegistrationLimiter(env.registration, limiters);

  router.post('/register', async (req, res) => {
    const body = validate(registerBody, req.body);
    assertStrongPassword(body.password, body);
    const ip = req.ip ?? 'unknown';
    const { user, organisation } = await registrations.run(ip, () =>
      hashing.run(ip, () => registerUser({ logger, scryptCost: env.scryptCost }, body)),
    );
    await logIn(req, user);
    res.status(201).json({ user: presentUser(user, organisation) });
  });

  router.post('/login', async (req, res) => {
    const body = validate(loginBody, req.body);
    const ip = req.ip ?? 'unknown';
    const key = LoginRateLimiter.key(body.email, ip);
    const fromIp = await ipLimiter.attempt(ip);
    if (!fromIp.allowed) throw new RateLimited(fromIp.retryAfterMs / 1000);
    const verdict = await limiter.attempt(key);
    if (!verdict.allowed) {
      await ipLimiter.refund(ip);
      throw new RateLimited(verdict.retryAfterMs / 1000);
    }
    let user;
    try {
      user = await hashing.run(ip, () => authenticateLocal(passport, req, res, body));
    } catch (error) {
      // refused before any hashing (the server is busy): not an attempt at the password
      if (error instanceof RateLimited) {
        await Promise.all([limiter.refund(key), ipLimiter.refund(ip)]);
      }
      throw error;
    }
    if (!user) throw new InvalidCredentials();
    // only failures count against an address: colleagues behind one NAT all sign in
    await Promise.all([limiter.reset(key), ipLimiter.refund(ip)]);
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

  createPasswordResetRoutes(router, { env, logger, collab, sessionMiddleware, mailer, hashing, limiters });

  router.get('/me', async (req, res) => {
    const user = requireUser(req);
    res.json({ user: presentUser(user, await findOrganisation(user.organisationId)) });
  });

  return router;
}
