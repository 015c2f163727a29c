import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import type { ApiClient } from '../helpers/api.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/**
 * Every comments input refuses NoSQL-injection shapes, wrong types, unknown fields, oversized
 * values and prototype-pollution keys with 400, and writes nothing.
 */
let server: TestServer;
let db: mongoose.Connection;
let fx: CommentsFixture;
let writer: WebsocketProvider;
let threadId: string;
const A1 = clauseId();

const COLLECTIONS = ['comments', 'comment_events', 'notifications', 'notification_reads', 'audit_events'];

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  return out;
}

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'One', paragraphs: ['Text.'] },
  ]);
  const created = await fx.coordinator.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
    anchor: { kind: 'clause', clauseId: A1 },
    body: 'Target',
  });
  threadId = created.body.thread.id;
});

afterAll(async () => {
  writer?.destroy();
  await db?.close();
});

function hostileBodies(valid: Record<string, unknown>): Array<[string, string]> {
  const json = (value: unknown) => JSON.stringify(value);
  const cases: Array<[string, string]> = [
    ['$where at the top level', json({ ...valid, $where: 'sleep(1000) || true' })],
    ['unknown field', json({ ...valid, isAdmin: true })],
    ['__proto__ key', `{"__proto__":{"isAdmin":true},${json(valid).slice(1)}`],
    ['constructor.prototype', json({ ...valid, constructor: { prototype: { isAdmin: true } } })],
    ['array body', json([valid])],
    ['string body', json('hello')],
    ['number body', '42'],
    ['null body', 'null'],
    ['empty object', '{}'],
  ];
  for (const key of Object.keys(valid)) {
    cases.push(
      [`${key}: {$gt: ""}`, json({ ...valid, [key]: { $gt: '' } })],
      [`${key}: {$ne: null}`, json({ ...valid, [key]: { $ne: null } })],
      [`${key}: {$regex: ".*"}`, json({ ...valid, [key]: { $regex: '.*' } })],
      [`${key}: array`, json({ ...valid, [key]: [valid[key]] })],
      [`${key}: number`, json({ ...valid, [key]: 12345 })],
      [`${key}: boolean`, json({ ...valid, [key]: true })],
      [`${key}: null`, json({ ...valid, [key]: null })],
      [`${key}: oversized`, json({ ...valid, [key]: 'x'.repeat(20_000) })],
      [`${key}: __proto__ inside`, json({ ...valid, [key]: JSON.parse('{"__proto__":{"polluted":1}}') })],
    );
  }
  return cases;
}

const anchor = () => ({ kind: 'clause', clauseId: A1 });
const endpoints: Array<{
  name: string;
  method: string;
  path: () => string;
  as: () => ApiClient;
  valid: () => Record<string, unknown>;
  extra?: unknown[];
}> = [
  {
    name: 'create thread',
    method: 'POST',
    path: () => `/api/documents/${fx.documentId}/comments`,
    as: () => fx.coordinator.api,
    valid: () => ({ anchor: anchor(), body: 'hello', visibility: 'all' }),
    extra: [
      { anchor: { kind: 'clause', clauseId: { $gt: '' } }, body: 'x' },
      { anchor: { kind: { $ne: 'range' }, clauseId: A1 }, body: 'x' },
      { anchor: { ...anchor(), extra: 1 }, body: 'x' },
      { anchor: { kind: 'range', clauseId: A1, start: { $gt: '' }, end: 'AAAA', quote: 'x' }, body: 'x' },
      { anchor: { kind: 'range', clauseId: A1, start: 'not base64!', end: 'AAAA', quote: 'x' }, body: 'x' },
      {
        anchor: { kind: 'range', clauseId: A1, start: 'AAAA', end: 'AAAA', quote: 'x'.repeat(20_000) },
        body: 'x',
      },
      { anchor: { kind: 'clause', clauseId: '__proto__' }, body: 'x' },
      { anchor: anchor(), body: 'x', visibility: 'everyone' },
      { anchor: anchor(), body: ' \n\t ' },
      { anchor: anchor(), body: 'nul \u0000 byte' },
    ],
  },
  {
    name: 'reply',
    method: 'POST',
    path: () => `/api/comments/${threadId}/replies`,
    as: () => fx.coordinator.api,
    valid: () => ({ body: 'r' }),
  },
  {
    name: 'edit',
    method: 'PATCH',
    path: () => `/api/comments/${threadId}`,
    as: () => fx.coordinator.api,
    valid: () => ({ body: 'edited' }),
    extra: [
      { body: 'x', baseRevision: { $gt: 0 } },
      { body: 'x', baseRevision: '1' },
      { body: 'x', baseRevision: -1 },
      { body: 'x', baseRevision: 1.5 },
      { body: 'x', baseRevision: null },
    ],
  },
  {
    name: 'visibility',
    method: 'PATCH',
    path: () => `/api/comments/${threadId}/visibility`,
    as: () => fx.coordinator.api,
    valid: () => ({ visibility: 'team' }),
  },
  {
    name: 'resolve',
    method: 'POST',
    path: () => `/api/comments/${threadId}/resolve`,
    as: () => fx.coordinator.api,
    valid: () => ({}),
  },
];

describe.each(endpoints)('$name', (endpoint) => {
  it('refuses every hostile body with 400 and writes nothing', async () => {
    const before = await snapshot();
    const valid = endpoint.valid();
    const bodies = Object.keys(valid).length
      ? hostileBodies(valid)
      : ([
          ['unknown field', '{"status":"resolved"}'],
          ['operator', '{"$set":{"status":"resolved"}}'],
          ['array', '[]'],
        ] as Array<[string, string]>);
    for (const [label, body] of [
      ...bodies,
      ...(endpoint.extra ?? []).map((b) => [JSON.stringify(b), JSON.stringify(b)] as [string, string]),
    ]) {
      const res = await endpoint.as().request(endpoint.method, endpoint.path(), body);
      expect(res.status, `${endpoint.name}: ${label}`).toBe(400);
      expect(['validation_failed', 'malformed_json'], `${endpoint.name}: ${label}`).toContain(
        res.body.error.code,
      );
    }
    expect(await snapshot()).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('query strings and path parameters', () => {
  it('refuses operator-shaped, repeated and unknown query parameters with 400', async () => {
    for (const query of [
      '?status[$ne]=open',
      '?status=closed',
      '?clauseId[$gt]=',
      '?author=a&author=b',
      '?author[$ne]=000000000000000000000000',
      '?organisation=%7B%22%24gt%22%3A%22%22%7D',
      '?country=ARG',
      '?where=1',
    ]) {
      const res = await fx.reviewer.api.request('GET', `/api/documents/${fx.documentId}/comments${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await fx.reviewer.api.request('GET', '/api/notifications?unread[$ne]=x')).status).toBe(400);
  });

  it('refuses ids that are not 24 hexadecimal digits with 400, writing nothing', async () => {
    const before = await snapshot();
    for (const id of [
      '%7B%22%24gt%22%3A%22%22%7D',
      '%24gt',
      'null',
      '__proto__',
      '0123456789ABCDEF01234567',
    ]) {
      for (const [method, path, body] of [
        ['GET', `/api/comments/${id}`, undefined],
        ['GET', `/api/comments/${id}/revisions`, undefined],
        ['POST', `/api/comments/${id}/replies`, { body: 'x' }],
        ['PATCH', `/api/comments/${id}`, { body: 'x' }],
        ['DELETE', `/api/comments/${id}`, undefined],
        ['POST', `/api/comments/${id}/resolve`, undefined],
        ['POST', `/api/notifications/${id}/read`, undefined],
        ['GET', `/api/documents/${id}/comments`, undefined],
      ] as const) {
        const res = await fx.coordinator.api.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(400);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
