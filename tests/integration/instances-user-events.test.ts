import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { waitFor } from '../helpers/collab.js';
import { openUserEvents, type UserEventStream } from '../helpers/userEvents.js';

/**
 * Several instances (issue 15) and the users' live channels (issue 17): an invitation made on
 * instance A reaches the invitee's channel open on instance B, through Redis.
 */
let redis: TestRedis;
let a: TestServer;
let b: TestServer;
const streams: UserEventStream[] = [];

beforeAll(async () => {
  redis = await startRedis();
  a = await startServer({ env: { REDIS_URL: redis.url } });
  b = await startServer({ dbName: a.dbName, env: { REDIS_URL: redis.url } });
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('live channels across instances', () => {
  it('an invitation made on one instance reaches the invitee on another', async () => {
    const coordinator = await newUser(new ApiClient(a.url), { name: 'Coral Coordinator' });
    const invitee = await newUser(new ApiClient(a.url), { name: 'Ines Invitee' });
    const stream = await openUserEvents(b.url, invitee);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const created = await coordinator.api.request('POST', '/api/documents', { title: 'Acuerdo regional' });
    const invited = await coordinator.api.request(
      'POST',
      `/api/documents/${created.body.document.id}/invitations`,
      { email: invitee.email, role: 'observer' },
    );
    expect(invited.status).toBe(201);
    await waitFor(
      () => stream.events.some((e) => e.type === 'notification.created' && e.notification.kind === 'invited'),
      'the invitation on the other instance',
    );
  });
});
