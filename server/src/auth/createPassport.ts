import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { User } from '../models/User.js';
import { DatabaseAnswerMismatch } from '../database/DatabaseAnswerMismatch.js';
import type { AuthenticatedUser } from './AuthenticatedUser.js';
import { toAuthenticatedUser } from './toAuthenticatedUser.js';
import { verifyCredentials } from './verifyCredentials.js';
import { assertScryptCost, verifyDummyPassword } from './passwordHashing.js';
import { isObjectIdString } from '../database/isObjectIdString.js';

/**
 * A passport instance of its own (not the module-global singleton) with the local strategy; the
 * session holds only the user id, and each request reloads the user, so a deleted account is
 * signed out at once.
 */
export function createPassport(scryptCost: number): passport.PassportStatic {
  assertScryptCost(scryptCost);
  const instance = new passport.Passport() as passport.PassportStatic;

  instance.use(
    'local',
    new LocalStrategy(
      { usernameField: 'email', passwordField: 'password', session: true },
      (email, password, done) => {
        verifyCredentials(email, password, scryptCost).then(
          (user) => done(null, user ?? false),
          (error: unknown) => done(error),
        );
      },
    ),
  );

  instance.serializeUser((user, done) => done(null, (user as AuthenticatedUser).id));

  instance.deserializeUser((id: unknown, done) => {
    if (!isObjectIdString(id)) {
      done(null, false);
      return;
    }
    loadSessionUser(id).then(
      (user) => done(null, user ?? false),
      (error: unknown) => done(error),
    );
  });

  // compute the dummy hash now, so the first login with an unknown email is not slower than others
  void verifyDummyPassword('', scryptCost);
  return instance;
}

/**
 * The session's user, reloaded on every request. Fails closed: any error, and any answer that is
 * not the user asked for, reaches passport as an error (the request fails), never as a user.
 */
async function loadSessionUser(id: string): Promise<AuthenticatedUser | null> {
  const user = await User.findById(id, { passwordHash: 0 }).lean();
  // a deleted account's sessions are destroyed with it; one that slipped through signs nobody in
  if (!user || user.deletedAt) return null;
  const authenticated = toAuthenticatedUser(user);
  if (authenticated.id !== id) throw new DatabaseAnswerMismatch('the database answered with another user');
  return authenticated;
}
