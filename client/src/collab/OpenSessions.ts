import type { AccordEventOf, AccordEventType } from '@accord/shared';

/** What the app shell needs of an open document (kept small: the header does not load the editor). */
export interface OpenSession {
  hasUnsavedChanges(): boolean;
  on<T extends AccordEventType>(type: T, listener: (event: AccordEventOf<T>) => void): () => void;
}

type Follower = (session: OpenSession) => () => void;

/**
 * The documents open in this tab: signing out warns about changes the server has not stored yet
 * (signing out deletes the offline copies that hold them), and the header hears the live events
 * of every open document (a mention reaches the bell whatever panel is shown).
 */
export class OpenSessions {
  private readonly sessions = new Map<OpenSession, Map<Follower, () => void>>();
  private readonly followers = new Set<Follower>();

  /** Adds an open document; the returned function removes it. */
  add(session: OpenSession): () => void {
    const stops = new Map<Follower, () => void>();
    for (const follow of this.followers) stops.set(follow, follow(session));
    this.sessions.set(session, stops);
    return () => {
      for (const stop of stops.values()) stop();
      this.sessions.delete(session);
    };
  }

  hasUnsavedChanges(): boolean {
    return [...this.sessions.keys()].some((session) => session.hasUnsavedChanges());
  }

  /** Listens to events of `type` from every document open now or later. */
  on<T extends AccordEventType>(type: T, listener: (event: AccordEventOf<T>) => void): () => void {
    const follow: Follower = (session) => session.on(type, listener);
    this.followers.add(follow);
    for (const [session, stops] of this.sessions) stops.set(follow, follow(session));
    return () => {
      this.followers.delete(follow);
      for (const stops of this.sessions.values()) {
        stops.get(follow)?.();
        stops.delete(follow);
      }
    };
  }
}
