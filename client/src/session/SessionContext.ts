import { createContext } from 'react';
import type { PresentedUser } from '@accord/shared';

export type Session =
  | { status: 'loading'; user: null }
  /** `deliberate`: the user pressed Sign out (so the next sign-in should not resume their page) */
  | { status: 'signedOut'; user: null; deliberate: boolean }
  | { status: 'signedIn'; user: PresentedUser };

export interface SessionValue {
  session: Session;
  /** After register or login: the server has set the session cookie. */
  signedIn(user: PresentedUser): void;
  /** Ends the session on the server and locally, and deletes this device's offline copies. */
  signOut(): Promise<void>;
  /** The server said the session is gone (401, close code 4401): forget the user locally. */
  expired(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);
