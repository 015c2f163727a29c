import type { Request } from 'express';
import { Unauthenticated } from '../errors/ApiError.js';
import type { AuthenticatedUser } from './AuthenticatedUser.js';

/** The signed-in user of the request; throws 401 unauthenticated when there is none. */
export function requireUser(req: Request): AuthenticatedUser {
  if (!req.user) throw new Unauthenticated();
  return req.user;
}
