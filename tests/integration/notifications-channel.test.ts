import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';
import { openUserEvents, type UserEventStream } from '../helpers/userEvents.js';

/**
 * Issue 18: every notification reaches its recipient's own live channel (GET /api/events) as it is
 * stored, with no document open, so the bell needs no polling (a minute's poll cost about 1.3 KB on
 * an idle low-data page); the actor and non-members hear nothing.
 */
let server: TestServer;
let coordinator: NewUser;
let reviewer: NewUser;
let outsider: NewUser;
const streams: UserEventStream[] = [];

beforeAll(async () => {
  server = await startServer();
  const user = (name: string) => newUser(new ApiClient(server.url), { name });
  [coordinator, reviewer, outsider] = await Promise.all([
    user('Carla Coordinator'),
    user('Rui Reviewer'),
    user('Olu Outsider'),
  ]);
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await server?.stop();
});

const frozenEvents = (stream: UserEventStream) =>
  stream.events.flatMap((e) =>
    e.type === 'notification.created' && e.notification.kind === 'version_frozen' ? [e.notification] : [],
  );

describe('notifications on the user channel', () => {
  it('tells a member with no document open, and nobody else', async () => {
    const documentId = await createDocumentWithMembers(
      coordinator,
      { title: 'Plan de acción regional', kind: 'other' },
      [[reviewer, 'reviewer']],
    );
    const [theirs, mine, stranger] = await Promise.all([
      openUserEvents(server.url, reviewer),
      openUserEvents(server.url, coordinator),
      openUserEvents(server.url, outsider),
    ]);
    streams.push(theirs, mine, stranger);
    expect(theirs.status).toBe(200);

    await freezeVersion(coordinator, documentId, 'First reading');
    await waitFor(() => frozenEvents(theirs).length === 1, 'the reviewer to hear of the version');
    const [heard] = frozenEvents(theirs);
    expect(heard).toMatchObject({ kind: 'version_frozen', read: false, documentId });
    // the bell's list has it too
    const listed = await reviewer.api.request('GET', '/api/notifications');
    expect(listed.body.notifications.map((n: { id: string }) => n.id)).toContain(heard!.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(frozenEvents(mine)).toEqual([]);
    expect(frozenEvents(stranger)).toEqual([]);
  });
});
