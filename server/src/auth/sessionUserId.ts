import type { IncomingMessage } from 'node:http';
import type { Session, SessionData } from 'express-session';
import './AuthenticatedUser.js';
import { isObjectIdString } from '../database/isObjectIdString.js';

/**
 * The id of the user signed in on this request's session, or null. For requests that went through
 * the session middleware but not passport, such as the collaboration socket's upgrade request.
 * It does not check the user still exists; `req.user` (passport) does, on REST requests.
 */
export function sessionUserId(req: IncomingMessage): string | null {
  const session = (req as IncomingMessage & { session?: Session & Partial<SessionData> }).session;
  const id = session?.passport?.user;
  return isObjectIdString(id) ? id : null;
}
