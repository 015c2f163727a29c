import { describe, expect, it } from 'vitest';
import { EmailTaken, RateLimited } from '../errors/ApiError.js';
import { RegistrationLimiter } from './RegistrationLimiter.js';
import { localLimiters } from '../security/WindowLimiter.js';

const ok = () => Promise.resolve('created');
const taken = () => Promise.reject(new EmailTaken());
const busy = () => Promise.reject(new RateLimited(1));

describe('RegistrationLimiter', () => {
  it('refuses every registration from an address once it got maxTakenPerIp "taken" answers', async () => {
    const limiter = new RegistrationLimiter(
      { maxPerIp: 100, maxTakenPerIp: 2, windowMs: 60_000 },
      localLimiters,
    );
    await expect(limiter.run('a', ok)).resolves.toBe('created');
    await expect(limiter.run('a', taken)).rejects.toBeInstanceOf(EmailTaken);
    await expect(limiter.run('a', taken)).rejects.toBeInstanceOf(EmailTaken);
    // now refused before the registration runs, whatever it would have answered
    await expect(limiter.run('a', ok)).rejects.toBeInstanceOf(RateLimited);
    await expect(limiter.run('a', taken)).rejects.toBeInstanceOf(RateLimited);
    await expect(limiter.run('b', ok)).resolves.toBe('created');
  });

  it('counts every registration against maxPerIp, except those the hashing gate refused', async () => {
    const limiter = new RegistrationLimiter(
      { maxPerIp: 2, maxTakenPerIp: 10, windowMs: 60_000 },
      localLimiters,
    );
    await expect(limiter.run('a', busy)).rejects.toBeInstanceOf(RateLimited);
    await expect(limiter.run('a', ok)).resolves.toBe('created');
    await expect(limiter.run('a', ok)).resolves.toBe('created');
    const third = limiter.run('a', ok);
    await expect(third).rejects.toBeInstanceOf(RateLimited);
  });
});
