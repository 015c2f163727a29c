import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type ApiResponse, type NewUser } from '../helpers/api.js';

// Issue 13, item 6: ~70 concurrent logins with random emails each ran scrypt on the thread pool
// that file serving shares, and the limiter keyed on email + IP only. The server here runs at
// OWASP's scrypt cost (as in production) behind a "proxy" on loopback, so each request can say
// which client address it comes from (X-Forwarded-For).
let server: TestServer;
let victim: NewUser;

beforeAll(async () => {
  server = await startServer({
    env: {
      SCRYPT_COST: '131072',
      TRUST_PROXY: 'loopback',
      LOGIN_MAX_ATTEMPTS: '10',
      LOGIN_MAX_ATTEMPTS_PER_IP: '5',
      PASSWORD_HASHING_CONCURRENCY: '2',
      PASSWORD_HASHING_QUEUE: '4',
      PASSWORD_HASHING_PER_IP: '2',
    },
  });
  victim = await newUser(new ApiClient(server.url));
});

function loginFrom(ip: string, email: string, password: string): Promise<ApiResponse> {
  return new ApiClient(server.url).request(
    'POST',
    '/api/auth/login',
    { email, password },
    { 'x-forwarded-for': ip },
  );
}

describe('login flood', () => {
  it('caps concurrent password hashing: a flood from many addresses gets 429 with Retry-After for the excess', async () => {
    const flood = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        loginFrom(`198.18.0.${i + 1}`, uniqueEmail('flood'), 'wrong password 1'),
      ),
    );
    const statuses = flood.map((r) => r.status);
    expect(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    const refused = flood.filter((r) => r.status === 429);
    // 2 hashing + 4 waiting places: most of 40 simultaneous attempts cannot have one
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.body.error.code).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect((await new ApiClient(server.url).request('GET', '/api/health')).status).toBe(200);
  });

  it('limits attempts per address across emails, not only per email + address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await loginFrom('198.51.100.20', uniqueEmail('spray'), 'wrong password 2');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // another address is not affected
    expect((await loginFrom('198.51.100.21', uniqueEmail('spray'), 'wrong password 2')).status).toBe(401);
  });

  it('keeps a legitimate user on another address able to sign in during a flood aimed at them', async () => {
    const attacker = '198.51.100.66';
    const flood = Promise.all([
      ...Array.from({ length: 12 }, () => loginFrom(attacker, victim.email, 'guessing password')),
      ...Array.from({ length: 20 }, () => loginFrom(attacker, uniqueEmail('flood'), 'guessing password')),
    ]);
    const legitimate = await loginFrom('203.0.113.9', victim.email, victim.password);
    expect(legitimate.status, JSON.stringify(legitimate.body)).toBe(200);
    expect(legitimate.body.user.id).toBe(victim.id);
    const statuses = (await flood).map((r) => r.status);
    expect(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    ).toBe(true);
    // once the attacker's address is locked out (attempts refused for lack of a hashing place
    // were not counted: nothing was checked), the victim, elsewhere, still signs in
    let last = 0;
    for (let i = 0; i < 6 && last !== 429; i++) {
      last = (await loginFrom(attacker, victim.email, 'guessing password')).status;
    }
    expect(last).toBe(429);
    expect((await loginFrom(attacker, victim.email, victim.password)).status).toBe(429);
    expect((await loginFrom('203.0.113.9', victim.email, victim.password)).status).toBe(200);
  });
});
