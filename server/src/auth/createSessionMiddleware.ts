import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import type { Db } from 'mongodb';
import type { Env } from '../env.js';
import type { Logger } from '../logger.js';
import { MongoSessionStore } from './MongoSessionStore.js';
import './AuthenticatedUser.js';

export const SESSION_COOKIE = 'accord.sid';
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;
/** refresh an unchanged session's expiry at most hourly rather than writing on every request */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export type SessionMiddleware = RequestHandler & {
  /** the session store; close it at shutdown (it stops its expiry timer) */
  readonly store: MongoSessionStore;
  /** the cookie options, so logout clears the cookie with the same attributes */
  readonly cookie: Readonly<{ httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' }>;
};

/**
 * express-session with sessions in MongoDB, sharing mongoose's connection pool. The same
 * middleware runs on REST requests and on the collaboration socket's upgrade request.
 */
export function createSessionMiddleware(
  env: Pick<Env, 'sessionSecret' | 'secureCookies' | 'sessionCleanupIntervalMs'>,
  connection: Connection,
  logger: Logger,
): SessionMiddleware {
  const store = new MongoSessionStore({
    // mongoose bundles the same driver version (package.json overrides): the Db is the driver's
    db: connection.db as unknown as Db,
    logger,
    ttlMs: SESSION_TTL_SECONDS * 1000,
    touchAfterMs: TOUCH_AFTER_MS,
    // FerretDB 1.24 has no TTL indexes: expired sessions are deleted by a timer, on MongoDB too
    cleanupIntervalMs: env.sessionCleanupIntervalMs,
  });
  const cookie = { httpOnly: true, sameSite: 'lax', secure: env.secureCookies, path: '/' } as const;
  const middleware = session({
    name: SESSION_COOKIE,
    secret: env.sessionSecret,
    store,
    resave: false,
    // no session (and no cookie) until someone signs in
    saveUninitialized: false,
    cookie: { ...cookie, maxAge: SESSION_TTL_SECONDS * 1000 },
  });
  return Object.assign(middleware, { store, cookie });
}
