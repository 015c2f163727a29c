import type { Role } from '@accord/shared';

interface Entry<T> {
  value: T;
  expires: number;
}

export interface CachedSessionUser {
  userId: string;
  name: string;
}

const MAX_ENTRIES = 10_000;

/**
 * A few seconds' memory of the upgrade checks (session → user, user + document → role), so that
 * a reconnect storm — every tab of a flaky network, or many tabs of one user — does not cost three
 * database reads per socket. Logout and membership changes in this process clear the entries at
 * once; the time limit bounds how long a change made by ANOTHER server process can go unseen by
 * new connections here. Only successful checks are remembered; a refusal is always re-checked.
 */
export class AccessCache {
  private readonly sessions = new Map<string, Entry<CachedSessionUser>>();
  private readonly roles = new Map<string, Entry<Role>>();
  /** counts invalidations, so a check that read the database before one is not remembered */
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  getSession(cookie: string): CachedSessionUser | undefined {
    return this.read(this.sessions, cookie);
  }

  /** Call before reading the database for a check; pass the result to the setters. */
  begin(): number {
    return this.generation;
  }

  setSession(cookie: string, user: CachedSessionUser, begun: number): void {
    if (begun === this.generation) this.write(this.sessions, cookie, user);
  }

  getRole(userId: string, documentId: string): Role | undefined {
    return this.read(this.roles, `${userId}:${documentId}`);
  }

  setRole(userId: string, documentId: string, role: Role, begun: number): void {
    if (begun === this.generation) this.write(this.roles, `${userId}:${documentId}`, role);
  }

  /** The user signed out (or was removed): forget their sessions and roles. */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.sessions) if (entry.value.userId === userId) this.sessions.delete(key);
    for (const key of this.roles.keys()) if (key.startsWith(`${userId}:`)) this.roles.delete(key);
  }

  forgetRole(userId: string, documentId: string): void {
    this.generation++;
    this.roles.delete(`${userId}:${documentId}`);
  }

  private read<T>(map: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private write<T>(map: Map<string, Entry<T>>, key: string, value: T): void {
    if (this.ttlMs <= 0) return;
    map.delete(key);
    // Maps iterate in insertion order: the first key is the oldest
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
    map.set(key, { value, expires: Date.now() + this.ttlMs });
  }
}
