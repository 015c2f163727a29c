import { RateLimited } from '../errors/ApiError.js';
import { WorkGate, type WorkGateOptions } from '../security/WorkGate.js';

export type PasswordHashingGateOptions = WorkGateOptions;

/**
 * Admits password hashing (scrypt: ~128 MiB and a libuv thread-pool thread for a fraction of a
 * second each) a few at a time. scrypt shares libuv's four threads with file reads and zlib, so a
 * login flood without this gate stalls static files for everyone. Excess attempts get 429
 * rate_limited with Retry-After at once, before any hashing; a user signing in from one address
 * waits for at most one hash of each other waiting address (WorkGate's round robin).
 */
export class PasswordHashingGate extends WorkGate {
  constructor(options: PasswordHashingGateOptions) {
    super(options, () => new RateLimited(1, 'Too many sign-ins at once; try again in a moment.'));
  }
}
