import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('LoginRateLimiter', () => {
  it('allows maxAttempts per window, then refuses with the time until the window ends', () => {
    const time = clock();
    const limiter = new LoginRateLimiter({ maxAttempts: 3, windowMs: 60_000, now: time.now });
    const key = LoginRateLimiter.key('a@b.c', '1.2.3.4');
    expect(limiter.attempt(key)).toEqual({ allowed: true });
    expect(limiter.attempt(key)).toEqual({ allowed: true });
    expect(limiter.attempt(key)).toEqual({ allowed: true });
    time.advance(10_000);
    expect(limiter.attempt(key)).toEqual({ allowed: false, retryAfterMs: 50_000 });
  });

  it('starts a new window when the old one has passed', () => {
    const time = clock();
    const limiter = new LoginRateLimiter({ maxAttempts: 1, windowMs: 1_000, now: time.now });
    expect(limiter.attempt('k').allowed).toBe(true);
    expect(limiter.attempt('k').allowed).toBe(false);
    time.advance(1_000);
    expect(limiter.attempt('k').allowed).toBe(true);
  });

  it('keeps keys apart: another email, or the same email from another IP', () => {
    const limiter = new LoginRateLimiter({ maxAttempts: 1, windowMs: 60_000 });
    expect(limiter.attempt(LoginRateLimiter.key('a@b.c', '1.1.1.1')).allowed).toBe(true);
    expect(limiter.attempt(LoginRateLimiter.key('a@b.c', '1.1.1.1')).allowed).toBe(false);
    expect(limiter.attempt(LoginRateLimiter.key('A@B.C', '1.1.1.1')).allowed).toBe(false);
    expect(limiter.attempt(LoginRateLimiter.key('a@b.c', '2.2.2.2')).allowed).toBe(true);
    expect(limiter.attempt(LoginRateLimiter.key('x@b.c', '1.1.1.1')).allowed).toBe(true);
  });

  it('forgets a key after reset (a successful login)', () => {
    const limiter = new LoginRateLimiter({ maxAttempts: 1, windowMs: 60_000 });
    limiter.attempt('k');
    expect(limiter.attempt('k').allowed).toBe(false);
    limiter.reset('k');
    expect(limiter.attempt('k').allowed).toBe(true);
  });

  it('bounds its memory: expired windows are swept, then the oldest are dropped', () => {
    const time = clock();
    const limiter = new LoginRateLimiter({ maxAttempts: 1, windowMs: 1_000, maxKeys: 100, now: time.now });
    for (let i = 0; i < 100; i++) limiter.attempt(`old-${i}`);
    time.advance(2_000);
    limiter.attempt('new');
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 1_000; i++) limiter.attempt(`spray-${i}`);
    expect(limiter.size).toBeLessThanOrEqual(100);
    // the most recent keys are still limited
    expect(limiter.attempt('spray-999').allowed).toBe(false);
  });

  it('takes back refunded attempts (refused before they ran, or successful)', () => {
    const limiter = new LoginRateLimiter({ maxAttempts: 2, windowMs: 60_000 });
    expect(limiter.attempt('ip').allowed).toBe(true);
    expect(limiter.attempt('ip').allowed).toBe(true);
    limiter.refund('ip');
    expect(limiter.attempt('ip').allowed).toBe(true);
    expect(limiter.attempt('ip').allowed).toBe(false);
    limiter.refund('unknown key');
    expect(limiter.size).toBe(1);
  });
});
