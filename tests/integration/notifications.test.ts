import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { formatMention } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import type { NewUser } from '../helpers/api.js';
import {
  clauseId,
  createCommentsFixture,
  openEventSocket,
  openSynced,
  writeArticles,
  type CommentsFixture,
  paragraphId,
} from '../helpers/commentsFixture.js';
import { decide, tableReplacement } from '../helpers/amendmentsFixture.js';

/**
 * In-app notifications beyond mentions (issue 17): replies, resolutions and reopenings of threads
 * one took part in, role changes; mark all read; live on the document's socket. Real server,
 * database and sockets.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const A1 = clauseId();

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.coordinator, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.coordinator, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: ['States provide legal aid.'] },
  ]);
});

afterAll(async () => {
  writer?.destroy();
  await server?.stop();
});

async function inbox(user: NewUser): Promise<any[]> {
  const res = await user.api.request('GET', '/api/notifications');
  expect(res.status).toBe(200);
  return res.body.notifications;
}

const about = (items: any[], threadId: string) => items.filter((n) => n.threadId === threadId);

async function thread(user: NewUser, body: string, visibility?: 'team'): Promise<string> {
  const res = await user.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
    anchor: { kind: 'clause', clauseId: A1 },
    body,
    ...(visibility ? { visibility } : {}),
  });
  expect(res.status).toBe(201);
  return res.body.thread.id;
}

const reply = async (user: NewUser, threadId: string, body: string) =>
  expect((await user.api.request('POST', `/api/comments/${threadId}/replies`, { body })).status).toBe(201);

describe('notifications', () => {
  it('tell those who took part in a thread of replies, resolution and reopening, never the actor', async () => {
    const id = await thread(fx.reviewer, 'Should legal aid be free?');
    const events = await openEventSocket(server.wsUrl, fx.reviewer, fx.documentId);
    try {
      await reply(fx.drafter, id, 'Yes, for those who cannot pay.');
      await waitFor(
        () =>
          events.events.some(
            (e) => e.event.type === 'notification.created' && e.event.notification.kind === 'reply',
          ),
        'the reviewer’s socket to hear of the reply',
      );
    } finally {
      events.close();
    }
    expect(about(await inbox(fx.reviewer), id)).toMatchObject([
      {
        kind: 'reply',
        actor: { id: fx.drafter.id },
        documentTitle: 'Access to Justice Agreement',
        read: false,
      },
    ]);
    expect(about(await inbox(fx.drafter), id)).toEqual([]);
    // a reply that @mentions a participant: they get the mention, not a second notification
    await reply(fx.coordinator, id, `${formatMention('Rosa Reviewer', fx.reviewer.id)} agreed?`);
    expect(about(await inbox(fx.reviewer), id).map((n) => n.kind)).toEqual(['mention', 'reply']);
    expect(about(await inbox(fx.drafter), id).map((n) => n.kind)).toEqual(['reply']);
    // resolved and reopened: everyone who wrote in it but the one who did it
    expect((await fx.coordinator.api.request('POST', `/api/comments/${id}/resolve`)).status).toBe(200);
    expect((await fx.reviewer.api.request('POST', `/api/comments/${id}/reopen`)).status).toBe(200);
    expect(about(await inbox(fx.drafter), id).map((n) => n.kind)).toEqual(['reopened', 'resolved', 'reply']);
    expect(about(await inbox(fx.reviewer), id).map((n) => n.kind)).toEqual(['resolved', 'mention', 'reply']);
    // the coordinator wrote after the drafter's reply: told of what came after only
    expect(about(await inbox(fx.coordinator), id).map((n) => n.kind)).toEqual(['reopened']);
    // resolving again changes nothing and notifies no one
    await fx.coordinator.api.request('POST', `/api/comments/${id}/resolve`);
    await fx.coordinator.api.request('POST', `/api/comments/${id}/resolve`);
    expect(about(await inbox(fx.drafter), id).filter((n) => n.kind === 'resolved')).toHaveLength(2);
  });

  it('never tell anyone about a thread they may no longer see', async () => {
    const id = await thread(fx.drafter, 'Wording of article 1');
    await reply(fx.reviewer2, id, 'I would say “shall”.');
    expect(
      (await fx.coordinator.api.request('PATCH', `/api/comments/${id}/visibility`, { visibility: 'team' }))
        .status,
    ).toBe(200);
    await reply(fx.coordinator, id, 'Team only from here.');
    expect(about(await inbox(fx.drafter), id).map((n) => n.kind)).toEqual(['reply', 'reply']);
    expect(about(await inbox(fx.coordinator), id)).toEqual([]);
    // the reviewer took part, but may no longer see the thread: nothing, not even the earlier one
    expect(about(await inbox(fx.reviewer2), id)).toEqual([]);
  });

  it('tell members their role changed, and mark all read at once', async () => {
    const changed = await fx.coordinator.api.request(
      'PATCH',
      `/api/documents/${fx.documentId}/members/${fx.observer.id}`,
      { role: 'reviewer' },
    );
    expect(changed.status).toBe(200);
    const roleNotes = (await inbox(fx.observer)).filter((n) => n.kind === 'role_changed');
    expect(roleNotes).toMatchObject([
      {
        role: 'reviewer',
        threadId: null,
        commentId: null,
        documentId: fx.documentId,
        actor: { id: fx.coordinator.id },
      },
    ]);
    expect((await inbox(fx.reviewer)).some((n) => !n.read)).toBe(true);
    expect((await fx.reviewer.api.request('POST', '/api/notifications/read-all')).status).toBe(204);
    const after = await fx.reviewer.api.request('GET', '/api/notifications');
    expect(after.body.unread).toBe(0);
    expect(after.body.notifications.every((n: any) => n.read)).toBe(true);
    // someone else's stay unread
    expect((await fx.drafter.api.request('GET', '/api/notifications')).body.unread).toBeGreaterThan(0);
    expect((await fx.reviewer.api.request('POST', '/api/notifications/read-all', { extra: 1 })).status).toBe(
      400,
    );
  });

  it('tell members of versions frozen, the authors of decided amendments, the organisations asked to sign off', async () => {
    const frozen = await fx.coordinator.api.request('POST', `/api/documents/${fx.documentId}/versions`, {
      name: 'Draft for review',
    });
    expect(frozen.status).toBe(201);
    const kinds = async (user: NewUser) => (await inbox(user)).map((n) => n.kind);
    for (const member of [fx.drafter, fx.reviewer, fx.observer])
      expect(await kinds(member)).toContain('version_frozen');
    expect(await kinds(fx.coordinator)).not.toContain('version_frozen');
    const note = (await inbox(fx.reviewer)).find((n) => n.kind === 'version_frozen');
    expect(note).toMatchObject({ threadId: null, actor: { id: fx.coordinator.id } });

    const tabled = await tableReplacement(
      fx.reviewer2,
      fx.documentId,
      paragraphId(A1, 0),
      'States provide free legal aid.',
    );
    expect(tabled.status).toBe(201);
    const decided = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'reject',
      reason: 'Out of scope.',
    });
    expect(decided.status).toBe(200);
    expect(await kinds(fx.reviewer2)).toContain('amendment_decided');
    expect(await kinds(fx.reviewer)).not.toContain('amendment_decided');

    const members = await fx.coordinator.api.request('GET', `/api/documents/${fx.documentId}/members`);
    const organisationOf = (user: NewUser) =>
      members.body.members.find((m: { userId: string }) => m.userId === user.id).organisation.id as string;
    const opened = await fx.coordinator.api.request(
      'POST',
      `/api/documents/${fx.documentId}/versions/${frozen.body.version.number}/signoff`,
      { organisationIds: [organisationOf(fx.reviewer)] },
    );
    expect(opened.status).toBe(201);
    // the reviewer's organisation, not the others'
    expect(await kinds(fx.reviewer)).toContain('signoff_requested');
    expect(await kinds(fx.reviewer2)).not.toContain('signoff_requested');
  });
});

describe('notifications about a deleted document', () => {
  it('are hidden while it is in the bin (not even its title shows) and back once it is restored', async () => {
    const changed = await fx.coordinator.api.request(
      'PATCH',
      `/api/documents/${fx.documentId}/members/${fx.observer.id}`,
      { role: 'observer' },
    );
    expect(changed.status).toBe(200);
    const title = (await fx.coordinator.api.request('GET', `/api/documents/${fx.documentId}`)).body.document
      .title as string;
    const before = (await inbox(fx.observer)).filter((n) => n.documentId === fx.documentId);
    expect(before.length).toBeGreaterThan(0);
    expect(before[0].documentTitle).toBe(title);

    const deleted = await fx.coordinator.api.request('DELETE', `/api/documents/${fx.documentId}`, { title });
    expect(deleted.status).toBe(204);
    const during = await fx.observer.api.request('GET', '/api/notifications');
    expect(during.body.notifications.filter((n: any) => n.documentId === fx.documentId)).toEqual([]);
    expect(JSON.stringify(during.body)).not.toContain(title);

    const restored = await fx.coordinator.api.request(
      'POST',
      `/api/deleted-documents/${fx.documentId}/restore`,
    );
    expect(restored.status).toBe(204);
    expect((await inbox(fx.observer)).filter((n) => n.documentId === fx.documentId)).toHaveLength(
      before.length,
    );
  });
});
