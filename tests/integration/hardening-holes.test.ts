import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { UpgradeRefused, openRawSocket } from '../helpers/collab.js';

// Issue 13, item 11: the smaller holes — the Origin check ignored the scheme, the CSP let the page
// open WebSockets to any host, common and blank passwords were accepted, bidi controls made
// titles and names display misleadingly, and TRUST_PROXY=true let any client pick its address.
let server: TestServer;
let user: NewUser;

beforeAll(async () => {
  server = await startServer({ env: { LOGIN_MAX_ATTEMPTS: '3' } });
  user = await newUser(new ApiClient(server.url));
});

const register = (password: string, extra: Record<string, unknown> = {}) =>
  new ApiClient(server.url).register({ email: uniqueEmail('pw'), password, name: 'Pat Word', ...extra });

describe('Origin check', () => {
  it('refuses a state change from the same host under another scheme', async () => {
    const host = new URL(server.url).host;
    const res = await user.api.request(
      'POST',
      '/api/documents',
      { title: 'Cross scheme' },
      { origin: `https://${host}` },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    const same = await user.api.request(
      'POST',
      '/api/documents',
      { title: 'Same origin' },
      { origin: `http://${host}` },
    );
    expect(same.status).toBe(201);
  });
});

describe('Origin check on the collaboration socket', () => {
  it('refuses an upgrade from the same host under another scheme', async () => {
    const host = new URL(server.url).host;
    const created = await user.api.request('POST', '/api/documents', { title: 'Socket scheme' });
    const documentId = created.body.document.id as string;
    const refused = await openRawSocket(server.wsUrl, user.api.cookie, documentId, {
      origin: `https://${host}`,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UpgradeRefused);
    expect((refused as UpgradeRefused).status).toBe(403);
    const same = await openRawSocket(server.wsUrl, user.api.cookie, documentId, { origin: `http://${host}` });
    same.socket.close();
  });
});

describe('Content-Security-Policy', () => {
  it("lets the page connect (fetch, WebSocket) to its own origin only: connect-src 'self'", async () => {
    const res = await fetch(`${server.url}/api/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const connect = csp.split(';').find((d) => d.trim().startsWith('connect-src'));
    expect(connect?.trim()).toBe("connect-src 'self'");
  });
});

describe('passwords', () => {
  it('refuses common passwords, whatever their case, with 400 weak_password', async () => {
    for (const password of [
      'password12',
      'Password123',
      '1234567890',
      'qwertyuiop',
      '1q2w3e4r5t',
      'iloveyou12',
    ]) {
      const res = await register(password);
      expect(res.status, password).toBe(400);
      expect(res.body.error.code, password).toBe('weak_password');
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('refuses all-whitespace, single-character and personal passwords', async () => {
    for (const password of [' '.repeat(10), '\t \u00a0'.repeat(4), 'aaaaaaaaaaaa']) {
      const res = await register(password);
      expect(res.status, JSON.stringify(password)).toBe(400);
      expect(res.body.error.code).toBe('weak_password');
    }
    const email = uniqueEmail('personal');
    const own = await new ApiClient(server.url).register({ email, password: email, name: 'Pat Word' });
    expect(own.body.error?.code).toBe('weak_password');
    expect((await register('short')).body.error.code).toBe('validation_failed');
  });

  it('accepts a long uncommon password and passphrases with spaces', async () => {
    expect((await register('lantern orchard ninety')).status).toBe(201);
    expect((await register('Vy7#qLp2!zR9')).status).toBe(201);
  });
});

describe('bidi controls', () => {
  const RLO = '\u202e';
  const controls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  it('removes them from document titles, on creation and renaming', async () => {
    const created = await user.api.request('POST', '/api/documents', { title: `Budget ${RLO}fdp.exe` });
    expect(created.status).toBe(201);
    expect(created.body.document.title).toBe('Budget fdp.exe');
    const id = created.body.document.id;
    const renamed = await user.api.request('PATCH', `/api/documents/${id}`, {
      title: `\u2067Plan\u2069 ${RLO}2026`,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const listed = await user.api.request('GET', '/api/documents');
    const titles: string[] = listed.body.documents.map((d: { title: string }) => d.title);
    expect(titles).toContain('Plan 2026');
    expect(titles.some((t) => controls.test(t))).toBe(false);
    // a title of nothing but controls is no title
    const empty = await user.api.request('POST', '/api/documents', { title: `${RLO}\u202c` });
    expect(empty.status).toBe(400);
  });

  it("removes them from people's and organisations' names", async () => {
    const res = await new ApiClient(server.url).register({
      email: uniqueEmail('bidi'),
      password: 'lantern orchard ninety',
      name: `Ana ${RLO}nimda`,
      organisation: { name: `Fundación ${RLO}Acceso\u200f`, kind: 'civil_society', country: 'CL' },
    });
    expect(res.status).toBe(201);
    expect(res.body.user.name).toBe('Ana nimda');
    expect(res.body.user.organisation.name).toBe('Fundación Acceso');
  });
});

describe('TRUST_PROXY', () => {
  it('is refused at start-up when it would trust any client (true)', async () => {
    await expect(startServer({ env: { TRUST_PROXY: 'true' } })).rejects.toThrow(/TRUST_PROXY/);
  });

  it('believes X-Forwarded-For only from the configured proxy: a direct client cannot rotate its address', async () => {
    const proxied = await startServer({
      env: { TRUST_PROXY: '192.0.2.10, 10.0.0.0/8', LOGIN_MAX_ATTEMPTS: '3' },
    });
    const victim = await newUser(new ApiClient(proxied.url));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await new ApiClient(proxied.url).request(
        'POST',
        '/api/auth/login',
        { email: victim.email, password: `guess number ${i}` },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
