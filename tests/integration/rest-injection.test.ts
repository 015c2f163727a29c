import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';

/**
 * Every REST input refuses NoSQL-injection shapes, wrong types, unknown fields, oversized values
 * and prototype-pollution keys with 400, and nothing is written to the database.
 */
let server: TestServer;
let db: mongoose.Connection;
let owner: NewUser;
let member: NewUser;
let documentId: string;

const COLLECTIONS = [
  'users',
  'organisations',
  'documents',
  'memberships',
  'invitations',
  'invitation_outcomes',
  'audit_events',
];

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) {
    out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return out;
}

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  owner = await newUser(new ApiClient(server.url), { name: 'Owner' });
  member = await newUser(new ApiClient(server.url), { name: 'Member' });
  documentId = (await owner.api.request('POST', '/api/documents', { title: 'Target' })).body.document.id;
  await addMember(owner.api, documentId, member, 'observer');
});

afterAll(async () => {
  await db?.close();
});

/** Bodies that must all be refused, derived from a valid one. */
function hostileBodies(valid: Record<string, unknown>): Array<[string, string]> {
  const keys = Object.keys(valid);
  const json = (value: unknown) => JSON.stringify(value);
  const cases: Array<[string, string]> = [
    ['$where at the top level', json({ ...valid, $where: 'sleep(1000) || true' })],
    ['only $where', json({ $where: 'this.role == "coordinator"' })],
    ['unknown field', json({ ...valid, isAdmin: true })],
    ['__proto__ key', `{"__proto__":{"isAdmin":true},${json(valid).slice(1)}`],
    ['constructor.prototype', json({ ...valid, constructor: { prototype: { isAdmin: true } } })],
    ['array body', json([valid])],
    ['string body', json('hello')],
    ['number body', '42'],
    ['null body', 'null'],
    ['empty object', '{}'],
  ];
  for (const key of keys) {
    cases.push(
      [`${key}: {$gt: ""}`, json({ ...valid, [key]: { $gt: '' } })],
      [`${key}: {$ne: null}`, json({ ...valid, [key]: { $ne: null } })],
      [`${key}: {$regex: ".*"}`, json({ ...valid, [key]: { $regex: '.*' } })],
      [`${key}: {$in: [...]}`, json({ ...valid, [key]: { $in: [valid[key]] } })],
      [`${key}: array`, json({ ...valid, [key]: [valid[key]] })],
      [`${key}: nested object`, json({ ...valid, [key]: { value: valid[key] } })],
      [`${key}: number`, json({ ...valid, [key]: 12345 })],
      [`${key}: boolean`, json({ ...valid, [key]: true })],
      [`${key}: null`, json({ ...valid, [key]: null })],
      [`${key}: oversized`, json({ ...valid, [key]: 'x'.repeat(20_000) })],
      [`${key}: __proto__ inside`, json({ ...valid, [key]: JSON.parse('{"__proto__":{"polluted":1}}') })],
    );
  }
  return cases;
}

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  as: () => ApiClient;
  valid: () => Record<string, unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'register',
    method: 'POST',
    path: () => '/api/auth/register',
    as: () => new ApiClient(server.url),
    valid: () => ({
      email: uniqueEmail('inj'),
      password: 'a long enough password',
      name: 'Mallory',
      organisation: { name: 'Org', kind: 'other', country: 'FR' },
      locale: 'fr',
    }),
  },
  {
    name: 'login',
    method: 'POST',
    path: () => '/api/auth/login',
    as: () => new ApiClient(server.url),
    valid: () => ({ email: owner.email, password: owner.password }),
  },
  {
    name: 'create document',
    method: 'POST',
    path: () => '/api/documents',
    as: () => owner.api,
    valid: () => ({ title: 'New', kind: 'agreement', language: 'es' }),
  },
  {
    name: 'rename document',
    method: 'PATCH',
    path: () => `/api/documents/${documentId}`,
    as: () => owner.api,
    valid: () => ({ title: 'Renamed' }),
  },
  {
    name: 'invite',
    method: 'POST',
    path: () => `/api/documents/${documentId}/invitations`,
    as: () => owner.api,
    valid: () => ({ email: member.email, role: 'drafter' }),
  },
  {
    name: 'change member role',
    method: 'PATCH',
    path: () => `/api/documents/${documentId}/members/${member.id}`,
    as: () => owner.api,
    valid: () => ({ role: 'coordinator' }),
  },
];

describe.each(endpoints)('$name', (endpoint) => {
  it('refuses every hostile body with 400 and writes nothing', async () => {
    const before = await snapshot();
    const valid = endpoint.valid();
    for (const [label, body] of hostileBodies(valid)) {
      const res = await endpoint.as().request(endpoint.method, endpoint.path(), body);
      expect(res.status, `${endpoint.name}: ${label}`).toBe(400);
      expect(['validation_failed', 'malformed_json'], `${endpoint.name}: ${label}`).toContain(
        res.body.error.code,
      );
    }
    // organisation sub-object of register
    if (endpoint.name === 'register') {
      for (const organisation of [
        { name: { $gt: '' }, kind: 'other', country: 'FR' },
        { name: 'Org', kind: { $ne: 'x' }, country: 'FR' },
        { name: 'Org', kind: 'other', country: 'FRA' },
        { name: 'Org', kind: 'other', country: 'FR', verified: true },
        ['Org'],
      ]) {
        const res = await endpoint.as().request('POST', endpoint.path(), { ...valid, organisation });
        expect(res.status, JSON.stringify(organisation)).toBe(400);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('path parameters', () => {
  it('refuses ids that are not 24 hexadecimal digits with 400, writing nothing', async () => {
    const before = await snapshot();
    const bad = [
      '%7B%22%24gt%22%3A%22%22%7D',
      '%24gt',
      'null',
      '[object Object]'.replace(/ /g, '%20'),
      '0123456789ABCDEF01234567',
      '0123456789abcdef0123456',
      '0123456789abcdef012345678',
      '__proto__',
    ];
    for (const id of bad) {
      const requests: Array<[string, string, unknown]> = [
        ['GET', `/api/documents/${id}`, undefined],
        ['PATCH', `/api/documents/${id}`, { title: 'x' }],
        ['GET', `/api/documents/${id}/members`, undefined],
        ['POST', `/api/documents/${id}/invitations`, { email: member.email, role: 'observer' }],
        ['PATCH', `/api/documents/${documentId}/members/${id}`, { role: 'drafter' }],
        ['DELETE', `/api/documents/${documentId}/members/${id}`, undefined],
        ['DELETE', `/api/documents/${id}/members/${member.id}`, undefined],
        ['PATCH', `/api/documents/${documentId}/invitations/${id}`, { role: 'drafter' }],
        ['DELETE', `/api/documents/${documentId}/invitations/${id}`, undefined],
        ['POST', `/api/invitations/${id}/accept`, undefined],
        ['POST', `/api/invitations/${id}/decline`, undefined],
      ];
      for (const [method, path, body] of requests) {
        const res = await owner.api.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('ignores operator-shaped query strings (no route reads the query)', async () => {
    const res = await member.api.request('GET', '/api/documents?userId[$ne]=x&role[$gt]=');
    expect(res.status).toBe(200);
    expect(res.body.documents.map((d: { id: string }) => d.id)).toEqual([documentId]);
    const others = await newUser(new ApiClient(server.url));
    const none = await others.api.request('GET', `/api/documents?_id[$ne]=${documentId}`);
    expect(none.body.documents).toEqual([]);
  });
});

describe('login with operators cannot bypass the password', () => {
  it('never signs in with {"password": {"$ne": ""}}', async () => {
    const api = new ApiClient(server.url);
    const res = await api.request('POST', '/api/auth/login', { email: owner.email, password: { $ne: '' } });
    expect(res.status).toBe(400);
    expect(api.cookie).toBe('');
    expect((await api.request('GET', '/api/auth/me')).status).toBe(401);
  });
});
