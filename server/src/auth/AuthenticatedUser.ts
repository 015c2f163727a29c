/** The signed-in user as passport puts it on `req.user` (loaded from the database per request). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  organisationId: string | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface User extends AuthenticatedUser {}
  }
}

declare module 'express-session' {
  interface SessionData {
    /** written by passport: `user` is the user id (see createPassport's serializeUser) */
    passport?: { user?: string };
  }
}
