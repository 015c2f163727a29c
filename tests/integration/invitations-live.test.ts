import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { openUserEvents, type UserEventStream } from '../helpers/userEvents.js';

/**
 * Issue 17: an invitation to someone with an account is an `invited` notification in their bell,
 * and reaches their own live channel (GET /api/events) at once, wherever they are in the app;
 * nobody else's channel hears of it.
 */
let server: TestServer;
let coordinator: NewUser;
let invitee: NewUser;
let bystander: NewUser;
const streams: UserEventStream[] = [];

beforeAll(async () => {
  server = await startServer();
  const user = (name: string) => newUser(new ApiClient(server.url), { name });
  [coordinator, invitee, bystander] = await Promise.all([
    user('Coral Coordinator'),
    user('Ines Invitee'),
    user('Bruno Bystander'),
  ]);
});

afterAll(() => {
  for (const stream of streams) stream.close();
});

const invitedEvents = (stream: UserEventStream) =>
  stream.events.filter((e) => e.type === 'notification.created' && e.notification.kind === 'invited');

describe('invitations, live', () => {
  it('refuses the live channel without a session', async () => {
    const anonymous = await openUserEvents(server.url, { api: new ApiClient(server.url) } as NewUser);
    streams.push(anonymous);
    expect(anonymous.status).toBe(401);
  });

  it('tells the invitee at once on their own channel, and lists it in the bell while pending', async () => {
    const created = await coordinator.api.request('POST', '/api/documents', { title: 'Acuerdo regional' });
    const documentId = created.body.document.id as string;
    const [mine, theirs] = await Promise.all([
      openUserEvents(server.url, invitee),
      openUserEvents(server.url, bystander),
    ]);
    streams.push(mine, theirs);
    expect(mine.status).toBe(200);

    const invited = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: invitee.email,
      role: 'reviewer',
    });
    expect(invited.status).toBe(201);
    await waitFor(() => invitedEvents(mine).length === 1, 'the invitee to hear of the invitation');
    const [event] = invitedEvents(mine);
    expect(event).toMatchObject({
      notification: {
        kind: 'invited',
        documentId,
        documentTitle: 'Acuerdo regional',
        role: 'reviewer',
        actor: { id: coordinator.id, name: 'Coral Coordinator' },
        read: false,
      },
    });

    const bell = await invitee.api.request('GET', '/api/notifications');
    expect(bell.body.notifications.map((n: any) => n.kind)).toEqual(['invited']);
    expect(bell.body.unread).toBe(1);

    // an address without an account: the same answer, and nobody is told
    const stranger = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: uniqueEmail('nobody'),
      role: 'observer',
    });
    expect(stranger.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(theirs.events).toEqual([]);
    expect(invitedEvents(mine)).toHaveLength(1);
    expect((await bystander.api.request('GET', '/api/notifications')).body.notifications).toEqual([]);

    // withdrawn: it leaves the bell (the title is no longer the invitee's to see)
    const withdrawn = await coordinator.api.request(
      'DELETE',
      `/api/documents/${documentId}/invitations/${invited.body.invitation.id}`,
    );
    expect(withdrawn.status).toBe(204);
    expect((await invitee.api.request('GET', '/api/notifications')).body.notifications).toEqual([]);
  });

  it('ends the channel when its user signs out', async () => {
    const user = await newUser(new ApiClient(server.url), { name: 'Sid Signout' });
    const stream = await openUserEvents(server.url, user);
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect((await user.api.request('POST', '/api/auth/logout')).status).toBe(204);
    await waitFor(() => stream.ended(), 'the stream to end');
  });

  it('leaves the bell once accepted (the document is theirs now)', async () => {
    const created = await coordinator.api.request('POST', '/api/documents', { title: 'Plan de acción' });
    const documentId = created.body.document.id as string;
    const invited = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: invitee.email,
      role: 'drafter',
    });
    await waitFor(
      async () =>
        (await invitee.api.request('GET', '/api/notifications')).body.notifications.some(
          (n: any) => n.documentId === documentId,
        ),
      'the invitation in the bell',
    );
    const accepted = await invitee.api.request(
      'POST',
      `/api/invitations/${invited.body.invitation.id}/accept`,
    );
    expect(accepted.status).toBe(200);
    const bell = await invitee.api.request('GET', '/api/notifications');
    expect(bell.body.notifications.filter((n: any) => n.documentId === documentId)).toEqual([]);
  });
});
