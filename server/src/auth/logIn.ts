import type { Request } from 'express';
import type { AuthenticatedUser } from './AuthenticatedUser.js';

/**
 * Signs the user in on this request's session. passport (≥ 0.6) regenerates the session first,
 * so the session id changes at login (no session fixation), then stores the user id in it.
 */
export function logIn(req: Request, user: AuthenticatedUser): Promise<void> {
  return new Promise((resolve, reject) => {
    req.login(user, (error: unknown) => (error ? reject(error) : resolve()));
  });
}
