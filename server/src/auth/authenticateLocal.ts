import type { Request, Response } from 'express';
import type { PassportStatic } from 'passport';
import type { LoginBody } from '@accord/shared';
import type { AuthenticatedUser } from './AuthenticatedUser.js';

/**
 * Runs passport's local strategy on already-validated credentials; resolves with the user, or
 * null when the email or password is wrong. The strategy reads `req.body`, so it is replaced by
 * the validated body (only `email` and `password`, email lower-cased).
 */
export function authenticateLocal(
  passport: PassportStatic,
  req: Request,
  res: Response,
  credentials: LoginBody,
): Promise<AuthenticatedUser | null> {
  req.body = { email: credentials.email, password: credentials.password };
  return new Promise((resolve, reject) => {
    const middleware = passport.authenticate(
      'local',
      { session: false },
      (error: unknown, user: AuthenticatedUser | false | undefined) => {
        if (error) reject(error);
        else resolve(user || null);
      },
    ) as (req: Request, res: Response, next: (error?: unknown) => void) => void;
    middleware(req, res, (error?: unknown) => reject(error ?? new Error('passport did not answer')));
  });
}
