import type { LimiterFactory, WindowLimiter } from '../security/WindowLimiter.js';
import { EmailTaken, RateLimited } from '../errors/ApiError.js';

export interface RegistrationLimiterOptions {
  /** registrations per client address per window, whatever their outcome */
  maxPerIp: number;
  /** registrations answered email_taken per client address per window */
  maxTakenPerIp: number;
  windowMs: number;
}

/**
 * Limits registrations per client address (issue 13). Until email confirmation exists a
 * registration must say that an address has an account (409 email_taken: its owner is told to sign
 * in instead), so that answer is what an attacker would collect: after `maxTakenPerIp` of them,
 * every registration from the address gets 429 until the window ends, whatever the email (the 429
 * itself tells nothing). `maxPerIp` bounds accounts made in bulk from one address. A registration
 * refused before any work (the hashing gate's 429) does not count.
 */
export class RegistrationLimiter {
  private readonly all: WindowLimiter;
  private readonly taken: WindowLimiter;

  constructor(options: RegistrationLimiterOptions, limiters: LimiterFactory) {
    this.all = limiters('register', { maxAttempts: options.maxPerIp, windowMs: options.windowMs });
    this.taken = limiters('register-taken', {
      maxAttempts: options.maxTakenPerIp,
      windowMs: options.windowMs,
    });
  }

  async run<T>(ip: string, register: () => Promise<T>): Promise<T> {
    // a look at the taken count: blocked once it is full, and nothing recorded yet
    const taken = await this.taken.attempt(ip);
    if (!taken.allowed) throw new RateLimited(taken.retryAfterMs / 1000);
    await this.taken.refund(ip);
    const all = await this.all.attempt(ip);
    if (!all.allowed) throw new RateLimited(all.retryAfterMs / 1000);
    try {
      return await register();
    } catch (error) {
      if (error instanceof EmailTaken) await this.taken.attempt(ip);
      if (error instanceof RateLimited) await this.all.refund(ip);
      throw error;
    }
  }
}
