import { beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type ApiResponse, type NewUser } from '../helpers/api.js';

/**
 * Issue 13, item 10 (account discovery): no route tells whether an email has an account. Inviting
 * an address into one's own document answered 201 with the account's name and organisation, or
 * 404 "nobody has an account"; registration said email_taken without any limit.
 */
let server: TestServer;
let coordinator: NewUser;
let documentId: string;

beforeAll(async () => {
  server = await startServer({
    // each test below comes from its own client address (X-Forwarded-For from the trusted loopback)
    env: { TRUST_PROXY: 'loopback', REGISTRATION_MAX_PER_IP: '5', REGISTRATION_TAKEN_MAX_PER_IP: '2' },
  });
  coordinator = await newUser(new ApiClient(server.url), { name: 'Curious Coordinator' });
  documentId = (await coordinator.api.request('POST', '/api/documents', { title: 'Bait' })).body.document.id;
});

/** What an attacker compares: status, header names and the body with ids, emails and times masked. */
function observable(response: ApiResponse): unknown {
  const masked = JSON.stringify(response.body)
    .replace(/[0-9a-f]{24}/g, 'ID')
    .replace(/[\w.+-]+@example\.org/g, 'EMAIL')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, 'TIME');
  const headers = [...response.headers.keys()].filter((name) => name !== 'date' && name !== 'etag').sort();
  return { status: response.status, headers, body: JSON.parse(masked) };
}

describe('inviting an address', () => {
  it('answers the same whether or not it has an account, and shows no name or organisation', async () => {
    // same length, so that even Content-Length cannot differ
    const existing = await newUser(new ApiClient(server.url), {
      email: uniqueEmail('known'),
      name: 'Secret Person',
      organisation: { name: 'Hidden Org', kind: 'civil_society', country: 'KE' },
    });
    const nobody = uniqueEmail('nouse');
    expect(nobody.length).toBe(existing.email.length);

    const invite = (email: string) =>
      coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
        email,
        role: 'reviewer',
      });
    const a = await invite(existing.email);
    const b = await invite(nobody);
    expect(a.status).toBe(201);
    expect(observable(a)).toEqual(observable(b));
    expect(a.body.invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      email: existing.email,
      role: 'reviewer',
      invitedAt: expect.any(String),
      expiresAt: expect.any(String),
      canManage: true,
    });
    expect(JSON.stringify(a.body)).not.toMatch(/Secret Person|Hidden Org/);

    // the Members panel lists both as invited, alike, and neither as a member
    const members = await coordinator.api.request('GET', `/api/documents/${documentId}/members`);
    expect(members.body.members).toHaveLength(1);
    expect(members.body.invitations.map((i: { email: string }) => i.email)).toEqual([existing.email, nobody]);
    expect(JSON.stringify(members.body)).not.toMatch(/Secret Person|Hidden Org/);

    // inviting either again, or either with other roles, answers alike too
    const [again1, again2] = [await invite(existing.email), await invite(nobody)];
    expect(again1.status).toBe(409);
    expect(observable(again1)).toEqual(observable(again2));
    const bad1 = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: existing.email,
      role: 'owner',
    });
    const bad2 = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: nobody,
      role: 'owner',
    });
    expect(bad1.status).toBe(400);
    expect(observable(bad1)).toEqual(observable(bad2));
  });
});

describe('registration', () => {
  const from = (address: string) => {
    const api = new ApiClient(server.url);
    const register = (email: string) =>
      api.request(
        'POST',
        '/api/auth/register',
        { email, password: 'correct horse battery', name: 'Prober' },
        { 'x-forwarded-for': address },
      );
    return register;
  };

  it('stops an address after a few "email taken" answers, whatever the next email', async () => {
    const victims = [await newUser(new ApiClient(server.url)), await newUser(new ApiClient(server.url))];
    const register = from('198.51.100.7');
    for (const victim of victims) {
      const taken = await register(victim.email);
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('email_taken');
    }
    // the third probe is refused before anything is looked up: taken or free, the answer is 429
    const probeTaken = await register(victims[0]!.email);
    const probeFree = await register(uniqueEmail('free'));
    for (const probe of [probeTaken, probeFree]) {
      expect(probe.status).toBe(429);
      expect(probe.body.error.code).toBe('rate_limited');
      expect(Number(probe.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(observable(probeTaken)).toEqual(observable(probeFree));
    // another address is not affected
    expect((await from('198.51.100.8')(uniqueEmail('other'))).status).toBe(201);
  });

  it('limits registrations per address whatever their outcome', async () => {
    const register = from('198.51.100.9');
    for (let i = 0; i < 5; i++) expect((await register(uniqueEmail('bulk'))).status).toBe(201);
    const sixth = await register(uniqueEmail('bulk'));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('rate_limited');
  });
});

describe('signing in', () => {
  it('says the same for an unknown email as for a wrong password', async () => {
    const known = await newUser(new ApiClient(server.url));
    const wrongPassword = await new ApiClient(server.url).login(known.email, 'not the password at all');
    const unknown = await new ApiClient(server.url).login(uniqueEmail('nouse'), 'not the password at all');
    expect(wrongPassword.status).toBe(401);
    expect(observable(wrongPassword)).toEqual(observable(unknown));
  });
});
