/**
 * Counts events per key in fixed windows, in memory (one process; RedisWindowLimiter shares the
 * counts between instances, with this as its fallback while Redis is down). An event
 * is counted when it starts, so concurrent requests cannot slip past the limit while they are
 * still being worked on; `refund` takes back one that turned out not to count.
 *
 * Memory stays bounded: expired windows are swept when the map grows past `maxKeys`, and if it is
 * still full the oldest windows are dropped (an attacker spraying keys cannot exhaust memory; the
 * worst case is that some very old counters restart).
 */
export interface FixedWindowLimiterOptions {
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

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxAttempts: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: FixedWindowLimiterOptions) {
    this.maxAttempts = options.maxAttempts;
    this.windowMs = options.windowMs;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Records `weight` events for `key` and says whether they may proceed (none is recorded if not). */
  attempt(key: string, weight = 1): AttemptVerdict {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.makeRoom(now);
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.delete(key);
      this.windows.set(key, window);
    }
    if (window.count + weight > this.maxAttempts) {
      return { allowed: false, retryAfterMs: window.resetAt - now };
    }
    window.count += weight;
    return { allowed: true };
  }

  /** Takes back `weight` events of `key` (e.g. an attempt that was refused before it ran). */
  refund(key: string, weight = 1): void {
    const window = this.windows.get(key);
    if (window) window.count = Math.max(0, window.count - weight);
  }

  /** Forgets the events of `key` (after a successful login). */
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
