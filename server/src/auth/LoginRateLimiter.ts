import { FixedWindowLimiter } from '../security/FixedWindowLimiter.js';

export type {
  AttemptVerdict,
  FixedWindowLimiterOptions as LoginRateLimiterOptions,
} from '../security/FixedWindowLimiter.js';

/**
 * Counts login attempts per key in fixed windows (FixedWindowLimiter): per email + client IP, so
 * guessing one account's password is slow, and per client IP alone, so spraying many accounts is
 * too. A successful login clears its email + IP key.
 */
export class LoginRateLimiter extends FixedWindowLimiter {
  static key(email: string, ip: string): string {
    return `${email.toLowerCase()}\u0000${ip}`;
  }
}
