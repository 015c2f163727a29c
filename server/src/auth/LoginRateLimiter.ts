/**
 * Counts login attempts per key (email + client IP) in fixed windows, in memory. An attempt is
 * counted when it starts, so concurrent guesses cannot slip past the limit while their password
 * hashes are still being checked; a successful login clears the key.
 *
 * Memory stays bounded: expired windows are swept when the map grows past `maxKeys`, and if it is
 * still full the oldest windows are dropped (an attacker spraying keys cannot exhaust memory; the
 * worst case is that some very old counters restart).
 */
export interface LoginRateLimiterOptions {
  maxAttempts: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Window {
  count: number;
  resetAt: number;
}

export class LoginRateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxAttempts: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: LoginRateLimiterOptions) {
    this.maxAttempts = options.maxAttempts;
    this.windowMs = options.windowMs;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  static key(email: string, ip: string): string {
    return `${email.toLowerCase()}\u0000${ip}`;
  }

  /** Records one attempt for `key` and says whether it may proceed. */
  attempt(key: string): AttemptVerdict {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.makeRoom(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    if (window.count >= this.maxAttempts) {
      return { allowed: false, retryAfterMs: window.resetAt - now };
    }
    window.count += 1;
    return { allowed: true };
  }

  /** Forgets the attempts of `key` (after a successful login). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private makeRoom(now: number): void {
    if (this.windows.size < this.maxKeys) return;
    for (const [key, window] of this.windows) {
      if (window.resetAt <= now) this.windows.delete(key);
    }
    // Map iteration follows insertion order, and windows are re-inserted when they restart,
    // so the first keys are the oldest windows
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
