import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import { FixedWindowLimiter, type FixedWindowLimiterOptions } from '../../security/FixedWindowLimiter.js';
import type { AttemptVerdict, LimiterFactory, WindowLimiter } from '../../security/WindowLimiter.js';
import type { RedisLink } from './RedisLink.js';

const KEY_PREFIX = 'accord:limit:';

/**
 * KEYS[1] the window's counter; ARGV weight, window ms, max. Counts and answers in one step (no
 * two instances can both take the last attempt): {1, ms left} allowed, {0, ms left} refused (and
 * nothing counted).
 */
const ATTEMPT = `
local weight = tonumber(ARGV[1])
local count = redis.call('INCRBY', KEYS[1], weight)
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  left = tonumber(ARGV[2])
end
if count > tonumber(ARGV[3]) then
  redis.call('DECRBY', KEYS[1], weight)
  return {0, left}
end
return {1, left}
`;

/** KEYS[1] the window's counter; ARGV weight. Never below zero. */
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local count = redis.call('DECRBY', KEYS[1], tonumber(ARGV[1]))
if count <= 0 then redis.call('DEL', KEYS[1]) end
return 0
`;

type ScriptedRedis = Redis & {
  accordAttempt(key: string, weight: number, windowMs: number, max: number): Promise<[number, number]>;
  accordRefund(key: string, weight: number): Promise<number>;
};

/**
 * A limit shared by every instance of Accord: the counts live in Redis, under a hash of the key
 * (no email address or IP is written to Redis as it is), and expire with their window. While
 * Redis cannot be reached each instance counts in its own memory (as one process would): the
 * limit still holds per instance, and an attempt is never refused or delayed because Redis is down.
 */
export class RedisWindowLimiter implements WindowLimiter {
  private readonly local: FixedWindowLimiter;

  constructor(
    private readonly redis: ScriptedRedis,
    private readonly name: string,
    private readonly options: FixedWindowLimiterOptions,
    private readonly logger: Logger,
  ) {
    this.local = new FixedWindowLimiter(options);
  }

  async attempt(key: string, weight = 1): Promise<AttemptVerdict> {
    try {
      const [allowed, left] = await this.redis.accordAttempt(
        this.redisKey(key),
        weight,
        this.options.windowMs,
        this.options.maxAttempts,
      );
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs: Number(left) };
    } catch (error) {
      this.unreachable(error);
      return this.local.attempt(key, weight);
    }
  }

  async refund(key: string, weight = 1): Promise<void> {
    this.local.refund(key, weight);
    try {
      await this.redis.accordRefund(this.redisKey(key), weight);
    } catch (error) {
      this.unreachable(error);
    }
  }

  async reset(key: string): Promise<void> {
    this.local.reset(key);
    try {
      await this.redis.del(this.redisKey(key));
    } catch (error) {
      this.unreachable(error);
    }
  }

  private redisKey(key: string): string {
    const digest = createHash('sha256').update(key).digest('base64url');
    return `${KEY_PREFIX}${this.name}:${digest}`;
  }

  private unreachable(error: unknown): void {
    this.logger.debug({ err: error, limiter: this.name }, 'redis unreachable: counting in memory');
  }
}

/** Every limiter shared through the instances' Redis. */
export function redisLimiters(link: RedisLink, logger: Logger): LimiterFactory {
  const redis = link.commands as ScriptedRedis;
  redis.defineCommand('accordAttempt', { numberOfKeys: 1, lua: ATTEMPT });
  redis.defineCommand('accordRefund', { numberOfKeys: 1, lua: REFUND });
  return (name, options) => new RedisWindowLimiter(redis, name, options, logger);
}
