import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { SUPPORTED_SCHEMA_VERSIONS, type Role } from '@accord/shared';
import { User } from '../models/User.js';
import { roleOn } from '../permissions/index.js';
import { sessionUserId } from '../auth/sessionUserId.js';
import { SESSION_COOKIE } from '../auth/createSessionMiddleware.js';
import type { AccessCache } from './AccessCache.js';
import { isAllowedOrigin } from '../security/isAllowedOrigin.js';
import type { ConnectionUser } from './Connection.js';
import { userColour } from '@accord/shared';

export type UpgradeDecision =
  | {
      ok: true;
      documentId: string;
      user: ConnectionUser;
      role: Role;
      schemaSupported: boolean;
      /** the client asked for low-data mode (`lowData=1`): names without carets */
      namesOnly: boolean;
    }
  | { ok: false; status: 400 | 401 | 403 | 404; message: string };

const PATH = /^\/collab\/([0-9a-f]{24})\/?$/;

function runSession(sessionMiddleware: RequestHandler, req: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    // express-session needs a response only to set cookies, which an upgrade never does
    const res = { getHeader() {}, setHeader() {}, end() {} } as unknown as ServerResponse;
    sessionMiddleware(req as never, res as never, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

/**
 * Decides whether an upgrade to /collab/:documentId may proceed: the Origin (when a browser sent
 * one) is allowed, the session belongs to a user, and the permissions module says the user is a
 * member. Refusals happen before the upgrade completes, as plain HTTP answers.
 */
export async function authenticateUpgrade(
  req: IncomingMessage,
  sessionMiddleware: RequestHandler,
  allowedOrigins: readonly string[],
  cache: AccessCache,
  /** a proxy is believed (TRUST_PROXY): the scheme the browser used is then the proxy's to say */
  behindProxy = false,
): Promise<UpgradeDecision> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = PATH.exec(url.pathname);
  if (!match) return { ok: false, status: 404, message: 'No such collaboration endpoint.' };
  const documentId = match[1]!;
  const origin = req.headers.origin;
  // no Origin header: a non-browser client, judged by its session alone
  // without a proxy, the scheme is the socket's own: the same host under the other scheme is
  // another origin (with a proxy, PUBLIC_URL names the one origin; see isAllowedOrigin)
  const scheme = behindProxy
    ? undefined
    : (req.socket as { encrypted?: boolean }).encrypted
      ? 'https'
      : 'http';
  if (origin !== undefined && !isAllowedOrigin(origin, req.headers.host, allowedOrigins, scheme)) {
    return { ok: false, status: 403, message: 'This origin may not open Accord documents.' };
  }
  const cookie = sessionCookie(req.headers.cookie);
  const begun = cache.begin();
  let user = cookie ? cache.getSession(cookie) : undefined;
  if (!user) {
    await runSession(sessionMiddleware, req);
    const userId = sessionUserId(req);
    if (!userId) return { ok: false, status: 401, message: 'Sign in first.' };
    const record = await User.findById(userId, { name: 1 }).lean();
    if (!record) return { ok: false, status: 401, message: 'Sign in first.' };
    user = { userId, name: record.name };
    if (cookie) cache.setSession(cookie, user, begun);
  }
  const { userId } = user;
  let role = cache.getRole(userId, documentId) ?? null;
  if (!role) {
    role = await roleOn(userId, documentId);
    // a non-member learns nothing about whether the document exists
    if (!role) return { ok: false, status: 404, message: 'No such document.' };
    cache.setRole(userId, documentId, role, begun);
  }
  const schema = url.searchParams.get('schema');
  // a client that names no schema version is a plain Yjs client, not an editor tab
  const schemaSupported = schema === null || SUPPORTED_SCHEMA_VERSIONS.includes(Number(schema));
  return {
    ok: true,
    documentId,
    role,
    schemaSupported,
    namesOnly: url.searchParams.get('lowData') === '1',
    user: { id: userId, name: user.name, colour: userColour(userId) },
  };
}

/** The raw value of the session cookie (signed by express-session), used only as a cache key. */
function sessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}
