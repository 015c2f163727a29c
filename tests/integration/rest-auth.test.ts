import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    // these tests race many hashes (and 11 registrations of a taken email) from one address; the
    // hashing gate and the registration limits have their own tests (hardening-login.test.ts,
    // hardening-discovery.test.ts)
    env: {
      LOGIN_MAX_ATTEMPTS: '5',
      ALLOWED_ORIGINS: 'http://allowed.test',
      PASSWORD_HASHING_PER_IP: '32',
      REGISTRATION_TAKEN_MAX_PER_IP: '100',
    },
  });
});

describe('register', () => {
  it('creates the account, answers 201 with the user and signs in with an HttpOnly, SameSite=Lax cookie', async () => {
    const api = new ApiClient(server.url);
    const email = uniqueEmail('Reg');
    const res = await api.register({
      email: `  ${email.toUpperCase()} `,
      password: 'a long enough password',
      name: 'Ana Souza',
      organisation: { name: 'Instituto Pro Bono', kind: 'civil_society', country: 'br' },
      locale: 'pt',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: email.toLowerCase(),
      name: 'Ana Souza',
      locale: 'pt',
      organisation: {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: 'Instituto Pro Bono',
        kind: 'civil_society',
        country: 'BR',
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/accord\.sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const me = await api.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(res.body.user);
  });

  it('shares one organisation record between people of the same organisation', async () => {
    const organisation = { name: 'Fundación  Acceso', kind: 'civil_society', country: 'CL' };
    const a = await new ApiClient(server.url).register({
      email: uniqueEmail(),
      password: 'a long enough password',
      name: 'A',
      organisation,
    });
    const b = await new ApiClient(server.url).register({
      email: uniqueEmail(),
      password: 'a long enough password',
      name: 'B',
      organisation: { ...organisation, name: 'fundación acceso' },
    });
    expect(a.body.user.organisation.id).toBe(b.body.user.organisation.id);
  });

  it('answers 409 email_taken for an email that already has an account (any case)', async () => {
    const first = await newUser(new ApiClient(server.url));
    const again = await new ApiClient(server.url).register({
      email: first.email.toUpperCase(),
      password: 'another password',
      name: 'Impostor',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('email_taken');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('creates exactly one account when the same email registers many times at once', async () => {
    const email = uniqueEmail('race');
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new ApiClient(server.url).register({ email, password: `password number ${i}`, name: `Racer ${i}` }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const winner = attempts.find((a) => a.status === 201)!;
    const index = attempts.indexOf(winner);
    // the stored account is the winner's: its password works, the losers' do not
    expect((await new ApiClient(server.url).login(email, `password number ${index}`)).status).toBe(200);
    const loser = (index + 1) % attempts.length;
    expect((await new ApiClient(server.url).login(email, `password number ${loser}`)).status).toBe(401);
  });

  it('refuses invalid input with 400 validation_failed and field details', async () => {
    const res = await new ApiClient(server.url).register({
      email: 'not-an-email',
      password: 'short',
      name: '',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });
});

describe('login', () => {
  it('answers 200 with the user and a new session id (regenerated at login)', async () => {
    const api = new ApiClient(server.url);
    const user = await newUser(api);
    const registeredCookie = api.cookie;
    const res = await api.login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(api.cookie).toMatch(/^accord\.sid=/);
    expect(api.cookie).not.toBe(registeredCookie);
    // the session from before the login is gone
    const old = new ApiClient(server.url);
    old.cookie = registeredCookie;
    expect((await old.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await api.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('gives the same answer for a wrong email and a wrong password', async () => {
    const user = await newUser(new ApiClient(server.url));
    const wrongPassword = await new ApiClient(server.url).login(user.email, 'not the password');
    const wrongEmail = await new ApiClient(server.url).login(uniqueEmail('nobody'), 'not the password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('limits attempts per account and IP: 429 rate_limited with Retry-After, even for the right password', async () => {
    const user = await newUser(new ApiClient(server.url));
    const api = new ApiClient(server.url);
    for (let i = 0; i < 5; i++) {
      expect((await api.login(user.email, `wrong guess ${i}`)).status).toBe(401);
    }
    const limited = await api.login(user.email, user.password);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // other accounts from the same IP are not affected
    const other = await newUser(new ApiClient(server.url));
    expect((await new ApiClient(server.url).login(other.email, other.password)).status).toBe(200);
  });

  it('cannot be dodged with a forged X-Forwarded-For (no proxy is trusted by default)', async () => {
    const user = await newUser(new ApiClient(server.url));
    const api = new ApiClient(server.url);
    for (let i = 0; i < 5; i++) {
      await api.request(
        'POST',
        '/api/auth/login',
        { email: user.email, password: `wrong ${i}` },
        {
          'x-forwarded-for': `10.0.0.${i}`,
        },
      );
    }
    const res = await api.request(
      'POST',
      '/api/auth/login',
      { email: user.email, password: 'wrong again' },
      {
        'x-forwarded-for': '10.0.0.99',
      },
    );
    expect(res.status).toBe(429);
  });

  it('counts concurrent guesses before their hashes are checked', async () => {
    const user = await newUser(new ApiClient(server.url));
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => new ApiClient(server.url).login(user.email, `guess ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('resets the count after a successful login', async () => {
    const user = await newUser(new ApiClient(server.url));
    const api = new ApiClient(server.url);
    for (let i = 0; i < 4; i++) await api.login(user.email, `wrong ${i}`);
    expect((await api.login(user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await api.login(user.email, `wrong again ${i}`)).status).toBe(401);
  });
});

describe('me and logout', () => {
  it('GET /api/auth/me answers 401 unauthenticated without a session', async () => {
    const res = await new ApiClient(server.url).request('GET', '/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('logout answers 204, clears the cookie and kills the session on the server', async () => {
    const api = new ApiClient(server.url);
    await newUser(api);
    const cookie = api.cookie;
    const res = await api.request('POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/accord\.sid=;/);
    expect(api.cookie).toBe('');
    // replaying the old cookie does not bring the session back
    const replay = new ApiClient(server.url);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await replay.request('GET', '/api/documents')).status).toBe(401);
  });

  it('logout without a session is harmless', async () => {
    expect((await new ApiClient(server.url).request('POST', '/api/auth/logout')).status).toBe(204);
  });

  it('a tampered cookie is not a session', async () => {
    const api = new ApiClient(server.url);
    await newUser(api);
    api.cookie = api.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await api.request('GET', '/api/auth/me')).status).toBe(401);
  });
});

describe('behind a TLS proxy', () => {
  it('marks the cookie Secure and believes the configured proxy (here on loopback) about the scheme', async () => {
    const proxied = await startServer({
      env: { PUBLIC_URL: 'https://accord.example', TRUST_PROXY: 'loopback' },
    });
    const api = new ApiClient(proxied.url);
    const res = await api.request(
      'POST',
      '/api/auth/register',
      { email: uniqueEmail(), password: 'a long enough password', name: 'Behind proxy' },
      { 'x-forwarded-proto': 'https', origin: 'https://accord.example' },
    );
    expect(res.status).toBe(201);
    expect(res.headers.getSetCookie().join('\n')).toMatch(/;\s*Secure/i);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});

describe('request hygiene', () => {
  it('refuses a state-changing request from a foreign Origin with 403 origin_not_allowed', async () => {
    const user = await newUser(new ApiClient(server.url));
    const api = new ApiClient(server.url);
    const res = await api.request(
      'POST',
      '/api/auth/login',
      { email: user.email, password: user.password },
      {
        origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(api.cookie).toBe('');
    const allowed = await api.request(
      'POST',
      '/api/auth/login',
      { email: user.email, password: user.password },
      {
        origin: 'http://allowed.test',
      },
    );
    expect(allowed.status).toBe(200);
  });

  it('refuses a body that is not JSON with 415 (an HTML form cannot forge a JSON request)', async () => {
    const res = await new ApiClient(server.url).request(
      'POST',
      '/api/auth/login',
      'email=a%40b.c&password=x',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await new ApiClient(server.url).request('POST', '/api/auth/register', '{"email": "a@b.c",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('answers a body over 64 KiB with 413 payload_too_large', async () => {
    const res = await new ApiClient(server.url).request('POST', '/api/auth/register', {
      email: uniqueEmail(),
      password: 'x'.repeat(100_000),
      name: 'Big',
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with 404 not_found JSON', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/auth/nope'],
      ['DELETE', '/api'],
    ] as const) {
      const res = await new ApiClient(server.url).request(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('sends security headers with a CSP that allows the app and its WebSocket (same origin only)', async () => {
    const res = await new ApiClient(server.url).request('GET', '/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toContain("img-src 'self' data:");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
