import { Router } from 'express';
import { notificationEmailsBody, type NotificationEmailSettings } from '@accord/shared';
import { NotificationSetting, withDefaults } from '../models/NotificationSetting.js';
import {
  accountDeleteBody,
  accountUpdateBody,
  emailChangeBody,
  emailConfirmBody,
  passwordChangeBody,
} from '@accord/shared';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import type { CollabControl } from '../collab/CollabControl.js';
import { SESSION_COOKIE, type SessionMiddleware } from '../auth/createSessionMiddleware.js';
import type { PasswordHashingGate } from '../auth/PasswordHashingGate.js';
import { requireUser } from '../auth/requireUser.js';
import type { LimiterFactory } from '../security/WindowLimiter.js';
import { RateLimited } from '../errors/ApiError.js';
import { updateAccount } from '../commands/updateAccount.js';
import { changePassword } from '../commands/changePassword.js';
import { deleteAccount } from '../commands/deleteAccount.js';
import { presentUser } from '../presenters/presentUser.js';
import { validate } from './validate.js';
import type { Mailer } from '../mail/Mailer.js';
import { linkBase } from '../mail/linkBase.js';
import { confirmEmailChange, requestEmailChange } from '../commands/changeEmail.js';

export interface AccountRouterDeps {
  env: Env;
  logger: Logger;
  collab: CollabControl;
  sessionMiddleware: SessionMiddleware;
  hashing: PasswordHashingGate;
  limiters: LimiterFactory;
  mailer: Mailer;
}

/**
 * /api/account (the signed-in user's own account):
 * - PATCH / {name?, locale?, organisation?}: 200 with the user as /api/auth/me shows it;
 * - POST /password {currentPassword, newPassword}: 204; every other session of the account ends
 *   and the account's collaboration sockets close (this browser's reconnect). Wrong current
 *   passwords count like failed logins (LOGIN_MAX_ATTEMPTS per LOGIN_WINDOW_SECONDS, per account).
 * - POST /email {newEmail, currentPassword}: 202; a confirmation link goes to the new address (at
 *   most PASSWORD_RESET_MAX_PER_EMAIL a window per account, 429 beyond).
 * - POST /delete {currentPassword}: 204; the account is deleted (commands/deleteAccount.ts), every
 *   session of it ends (this one too) and its collaboration sockets close. Wrong passwords count
 *   like at POST /password; 409 last_coordinator lists the documents to hand over first.
 * - POST /email/confirm {token}: the address changes (signed in or not: the link proves the new
 *   address, the request proved the password); 200 with the user when signed in as them.
 */
export function createAccountRouter({
  env,
  logger,
  collab,
  sessionMiddleware,
  hashing,
  mailer,
  limiters,
}: AccountRouterDeps): Router {
  const router = Router();
  const attempts = limiters('account-password', {
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
    const verdict = await attempts.attempt(actor.id);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    await hashing.run(req.ip ?? 'unknown', () =>
      changePassword({ logger, scryptCost: env.scryptCost }, actor, body),
    );
    await attempts.reset(actor.id);
    await sessionMiddleware.store.destroyUserSessions(actor.id, req.sessionID);
    collab.disconnectUser(actor.id);
    res.status(204).end();
  });

  router.post('/delete', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(accountDeleteBody, req.body);
    const verdict = await attempts.attempt(actor.id);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    await hashing.run(req.ip ?? 'unknown', () => deleteAccount({ logger, collab, actor }, body));
    await attempts.reset(actor.id);
    await sessionMiddleware.store.destroyUserSessions(actor.id, req.sessionID);
    // this session like logout does: destroyed, so express-session cannot save it again
    await new Promise<void>((resolve, reject) =>
      req.session.destroy((error: unknown) => (error ? reject(error) : resolve())),
    );
    res.clearCookie(SESSION_COOKIE, sessionMiddleware.cookie);
    collab.disconnectUser(actor.id);
    res.status(204).end();
  });

  const emailChanges = limiters('email-change', {
    maxAttempts: env.passwordReset.maxPerEmail,
    windowMs: env.passwordReset.windowMs,
  });

  router.post('/email', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(emailChangeBody, req.body);
    const verdict = await attempts.attempt(actor.id);
    if (!verdict.allowed) throw new RateLimited(verdict.retryAfterMs / 1000);
    const sending = await emailChanges.attempt(actor.id);
    if (!sending.allowed) {
      await attempts.refund(actor.id);
      throw new RateLimited(sending.retryAfterMs / 1000);
    }
    const deps = { mailer, tokenMs: env.passwordReset.tokenMs, linkBase: linkBase(env, req) };
    try {
      await hashing.run(req.ip ?? 'unknown', () => requestEmailChange(deps, actor, body));
    } catch (error) {
      await emailChanges.refund(actor.id);
      throw error;
    }
    await attempts.reset(actor.id);
    res.status(202).json({ accepted: true });
  });

  router.get('/notification-emails', async (req, res) => {
    const actor = requireUser(req);
    res.json({ settings: await notificationEmailSettings(actor.id) });
  });

  router.patch('/notification-emails', async (req, res) => {
    const actor = requireUser(req);
    const body = validate(notificationEmailsBody, req.body);
    await NotificationSetting.replaceOne(
      { _id: actor.id },
      { ...body, updatedAt: new Date() },
      { upsert: true },
    );
    res.json({ settings: await notificationEmailSettings(actor.id) });
  });

  router.post('/email/confirm', async (req, res) => {
    const { token } = validate(emailConfirmBody, req.body);
    const userId = await confirmEmailChange(logger, token);
    res.json({ changed: true, signedIn: req.user?.id === userId });
  });

  return router;
}

/** The user's email choice per notification kind (the defaults until they chose). */
async function notificationEmailSettings(userId: string): Promise<NotificationEmailSettings> {
  return withDefaults(await NotificationSetting.findById(userId).lean());
}
