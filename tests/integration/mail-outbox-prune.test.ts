import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';

/**
 * The mail outbox is pruned (issue 17): messages older than MAIL_RETENTION_SECONDS go, with their
 * delivery attempts and outcomes; newer ones stay. Real server (housekeeping every second), database.
 */
let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer({
    env: { MAIL_RETENTION_SECONDS: '4', DELETED_DOCUMENT_PURGE_INTERVAL_SECONDS: '1' },
  });
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
});

const messagesTo = (to: string) => db.collection('mail_messages').find({ to }).toArray();

describe('mail outbox retention', () => {
  it('deletes messages past their retention with their attempts, and keeps newer ones', async () => {
    const api = new ApiClient(server.url);
    const old = await newUser(new ApiClient(server.url));
    expect((await api.request('POST', '/api/auth/password-reset', { email: old.email })).status).toBe(202);
    await waitFor(async () => (await messagesTo(old.email)).length === 1, 'the reset message');
    const [message] = await messagesTo(old.email);
    await waitFor(
      async () => (await db.collection('mail_attempts').countDocuments({ messageId: message!._id })) === 1,
      'its delivery attempt',
    );

    // written later: still within its retention when the first one goes
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const recent = await newUser(new ApiClient(server.url));
    expect((await api.request('POST', '/api/auth/password-reset', { email: recent.email })).status).toBe(202);
    await waitFor(async () => (await messagesTo(recent.email)).length === 1, 'the second message');

    await waitFor(async () => (await messagesTo(old.email)).length === 0, 'the old message pruned', 10_000);
    expect(await db.collection('mail_attempts').countDocuments({ messageId: message!._id })).toBe(0);
    expect(await db.collection('mail_attempt_outcomes').countDocuments({ messageId: message!._id })).toBe(0);
    expect(await messagesTo(recent.email)).toHaveLength(1);
  });
});
