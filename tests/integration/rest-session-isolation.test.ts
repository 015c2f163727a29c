import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';

/**
 * Many users' requests while the expired-session cleanup runs every 200 ms: every answer belongs
 * to its caller. (The cleanup once used an unacknowledged delete, which the development database
 * answered anyway; every later answer on that pooled connection went to the next request.)
 */
const USERS = 12;
const ROUNDS = 15;
const CLEANUP_MS = 200;

let server: TestServer;
let mongo: MongoClient;
let users: (NewUser & { documentId: string; title: string })[];

beforeAll(async () => {
  server = await startServer({ env: { SESSION_CLEANUP_INTERVAL_MS: String(CLEANUP_MS) } });
  mongo = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
  users = [];
  for (let i = 0; i < USERS; i++) {
    const user = await newUser(new ApiClient(server.url), { name: `User ${i}` });
    const title = `Private draft of user ${i}`;
    const created = await user.api.request('POST', '/api/documents', { title });
    expect(created.status).toBe(201);
    users.push({ ...user, documentId: created.body.document.id, title });
  }
});

afterAll(async () => {
  await mongo?.close();
});

async function insertExpiredSessions(count: number): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  await mongo
    .db()
    .collection<{ _id: string }>('sessions')
    .insertMany(
      Array.from({ length: count }, (_, i) => ({
        _id: `expired-${Date.now()}-${i}-${Math.random()}`,
        session: JSON.stringify({ cookie: { originalMaxAge: 1 } }),
        expires: past,
      })),
    );
}

describe('session isolation while expired sessions are removed', () => {
  it('answers every concurrent request with its own caller’s data, and logs no unhandled rejection', async () => {
    let answered = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await insertExpiredSessions(20);
      await Promise.all(
        users.flatMap((user) => [
          user.api.request('GET', '/api/auth/me').then((res) => {
            expect(res.status).toBe(200);
            expect(res.body.user.id).toBe(user.id);
            expect(res.body.user.email).toBe(user.email);
            answered++;
          }),
          user.api.request('GET', '/api/documents').then((res) => {
            expect(res.status).toBe(200);
            const ids = (res.body.documents as { id: string }[]).map((d) => d.id);
            expect(ids).toEqual([user.documentId]);
            answered++;
          }),
          user.api.request('GET', `/api/documents/${user.documentId}`).then((res) => {
            expect(res.status).toBe(200);
            expect(res.body.document.id).toBe(user.documentId);
            expect(res.body.document.title).toBe(user.title);
            answered++;
          }),
        ]),
      );
      // let the cleanup run between rounds too
      await new Promise((resolve) => setTimeout(resolve, CLEANUP_MS / 2));
    }
    expect(answered).toBe(ROUNDS * USERS * 3);

    // the cleanup did run, with acknowledged deletes: the expired sessions are gone, the live stay
    await new Promise((resolve) => setTimeout(resolve, CLEANUP_MS * 3));
    const sessions = mongo.db().collection('sessions');
    expect(await sessions.countDocuments({ expires: { $lt: new Date() } })).toBe(0);
    expect(await sessions.countDocuments({})).toBe(USERS);

    expect(server.logs()).not.toMatch(/unhandled promise rejection/);
    expect(server.logs()).not.toMatch(/"level":50/);
  });
});
