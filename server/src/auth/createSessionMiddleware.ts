import session from 'express-session';
import { MongoStore } from 'connect-mongo';
import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import type { Env } from '../env.js';
import './AuthenticatedUser.js';

export const SESSION_COOKIE = 'accord.sid';
const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

export type SessionMiddleware = RequestHandler & {
  /** the session store; close it at shutdown (it stops its expiry timer) */
  readonly store: MongoStore;
  /** the cookie options, so logout clears the cookie with the same attributes */
  readonly cookie: Readonly<{ httpOnly: true; sameSite: 'lax'; secure: boolean; path: '/' }>;
};

/**
 * express-session with sessions in MongoDB (connect-mongo), sharing mongoose's connection pool.
 * The same middleware runs on REST requests and on the collaboration socket's upgrade request.
 */
export function createSessionMiddleware(
  env: Pick<Env, 'sessionSecret' | 'secureCookies'>,
  connection: Connection,
): SessionMiddleware {
  const store = MongoStore.create({
    // mongoose bundles its own copy of the driver; the client is the same at run time
    client: connection.getClient() as unknown as NonNullable<
      Parameters<typeof MongoStore.create>[0]['client']
    >,
    dbName: connection.name,
    collectionName: 'sessions',
    ttl: SESSION_TTL_SECONDS,
    // FerretDB 1.24 has no TTL indexes: expired sessions are deleted by a timer instead
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    // refresh an unchanged session's expiry at most hourly rather than writing on every request
    touchAfter: 60 * 60,
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
