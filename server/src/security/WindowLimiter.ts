import {
  FixedWindowLimiter,
  type AttemptVerdict,
  type FixedWindowLimiterOptions,
} from './FixedWindowLimiter.js';

export type { AttemptVerdict } from './FixedWindowLimiter.js';

/**
 * Counts events per key in fixed windows (see FixedWindowLimiter for the rules). Asynchronous so
 * that the count can be shared by every instance of Accord (RedisWindowLimiter).
 */
export interface WindowLimiter {
  /** Records `weight` events for `key` and says whether they may proceed (none is recorded if not). */
  attempt(key: string, weight?: number): Promise<AttemptVerdict>;
  /** Takes back `weight` events of `key` (e.g. an attempt that was refused before it ran). */
  refund(key: string, weight?: number): Promise<void>;
  /** Forgets the events of `key` (after a successful login). */
  reset(key: string): Promise<void>;
}

/**
 * Makes the limiter called `name` (one name per limit: instances sharing a Redis share the counts
 * of limiters of the same name).
 */
export type LimiterFactory = (name: string, options: FixedWindowLimiterOptions) => WindowLimiter;

/** A limiter counting in this process's memory only. */
export function localLimiter(options: FixedWindowLimiterOptions): WindowLimiter {
  const counts = new FixedWindowLimiter(options);
  return {
    attempt: async (key, weight) => counts.attempt(key, weight),
    refund: async (key, weight) => counts.refund(key, weight),
    reset: async (key) => counts.reset(key),
  };
}

/** One process, no Redis: every limiter counts in memory. */
export const localLimiters: LimiterFactory = (_name, options) => localLimiter(options);
