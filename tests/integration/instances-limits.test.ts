import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';

/**
 * Rate limits hold across instances (issue 15): an attacker spreading login attempts over every
 * instance behind the load balancer gets no more than from one. Two real servers, one real Redis.
 */
let redis: TestRedis;
let a: TestServer;
let b: TestServer;
let user: NewUser;

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, LOGIN_MAX_ATTEMPTS: '3', LOGIN_MAX_ATTEMPTS_PER_IP: '100' };
  a = await startServer({ env });
  b = await startServer({ dbName: a.dbName, env });
  user = await newUser(new ApiClient(a.url));
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const login = (server: TestServer, password: string) => new ApiClient(server.url).login(user.email, password);

function redisKeys(): string[] {
  const out = execFileSync('redis-cli', ['-p', String(redis.port), '--scan', '--pattern', 'accord:limit:*']);
  return out.toString().split('\n').filter(Boolean);
}

describe('rate limits across instances', () => {
  it('counts login attempts on every instance together, and keeps no address in Redis', async () => {
    expect((await login(a, 'wrong password 1')).status).toBe(401);
    expect((await login(b, 'wrong password 2')).status).toBe(401);
    expect((await login(a, 'wrong password 3')).status).toBe(401);
    // the fourth attempt, on either instance, is refused; even with the right password
    const fourth = await login(b, user.password);
    expect(fourth.status).toBe(429);
    expect(fourth.body.error.code).toBe('rate_limited');
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(a, user.password)).status).toBe(429);
    const keys = redisKeys();
    expect(keys.some((k) => k.startsWith('accord:limit:login:'))).toBe(true);
    for (const key of keys) expect(key).not.toContain(user.email.split('@')[0]!);
  });

  it('while Redis is down each instance still limits on its own, and answers at once', async () => {
    await redis.stop();
    await waitFor(
      async () => (await new ApiClient(a.url).request('GET', '/api/health')).body.redis === 'down',
      'health to say redis is down',
    );
    const other = await newUser(new ApiClient(a.url));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await new ApiClient(a.url).login(other.email, `nope ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    await redis.start();
  });
});
