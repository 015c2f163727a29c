import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import { formatMention } from '@accord/shared';
import {
  clauseId,
  createCommentsFixture,
  openEventSocket,
  openSynced,
  writeArticles,
  type CommentsFixture,
  type EventSocket,
} from '../helpers/commentsFixture.js';

/**
 * Live comment events on the collaboration socket: every change reaches each open client that
 * may see the thread (raw sockets that said ACCORD_HELLO) within a second, and a team-only thread
 * never reaches a reviewer's or observer's socket. Stock y-websocket clients get nothing extra.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const sockets: Record<'coordinator' | 'drafter' | 'reviewer' | 'observer', EventSocket> = {} as never;
const A1 = clauseId();

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Access', paragraphs: ['Text.'] },
  ]);
  for (const role of ['coordinator', 'drafter', 'reviewer', 'observer'] as const) {
    sockets[role] = await openEventSocket(server.wsUrl, fx[role], fx.documentId);
  }
});

afterAll(() => {
  writer?.destroy();
  for (const socket of Object.values(sockets)) socket?.close();
});

const about = (socket: EventSocket, threadId: string) =>
  socket.events.filter((e) => e.event.type === 'comments.changed' && e.event.threadId === threadId);

describe('live comment events', () => {
  it('reach every member that may see the thread within a second of the change', async () => {
    const sent = Date.now();
    const res = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Visible to all',
    });
    expect(res.status).toBe(201);
    const threadId = res.body.thread.id;
    await waitFor(
      () => Object.values(sockets).every((s) => about(s, threadId).length === 1),
      'events to arrive',
      1_000,
    );
    for (const socket of Object.values(sockets)) {
      const { at, event } = about(socket, threadId)[0]!;
      expect(at - sent).toBeLessThan(1_000);
      expect(event).toEqual({
        type: 'comments.changed',
        documentId: fx.documentId,
        threadId,
        commentId: threadId,
        change: 'created',
        actorId: fx.reviewer.id,
        at: expect.any(String),
      });
    }
    // replies, edits, resolutions, deletions
    const reply = await fx.drafter.api.request('POST', `/api/comments/${threadId}/replies`, {
      body: 'Answer',
    });
    await fx.drafter.api.request('PATCH', `/api/comments/${reply.body.comment.id}`, {
      body: 'Better answer',
    });
    await fx.drafter.api.request('POST', `/api/comments/${threadId}/resolve`);
    await fx.drafter.api.request('DELETE', `/api/comments/${reply.body.comment.id}`);
    await waitFor(() => about(sockets.observer, threadId).length === 5, 'every change to arrive', 1_000);
    expect(about(sockets.observer, threadId).map((e) => e.event.change)).toEqual([
      'created',
      'replied',
      'edited',
      'resolved',
      'deleted',
    ]);
  });

  it('never send a reviewer or observer anything about a drafting-team thread', async () => {
    const res = await fx.drafter.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Team only',
      visibility: 'team',
    });
    expect(res.status).toBe(201);
    const threadId = res.body.thread.id;
    await fx.coordinator.api.request('POST', `/api/comments/${threadId}/replies`, { body: 'Agreed' });
    await fx.drafter.api.request('POST', `/api/comments/${threadId}/resolve`);
    await waitFor(
      () =>
        about(sockets.drafter, threadId).length === 3 && about(sockets.coordinator, threadId).length === 3,
      'the team to hear of it',
      1_000,
    );
    // a later public event proves the reviewer's socket was listening all along
    const later = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Public again',
    });
    await waitFor(
      () => about(sockets.reviewer, later.body.thread.id).length === 1,
      'the public event',
      1_000,
    );
    for (const outsider of [sockets.reviewer, sockets.observer]) {
      expect(outsider.events.filter((e) => JSON.stringify(e.event).includes(threadId))).toEqual([]);
    }
  });

  it('tell reviewers to drop a thread that becomes team-only, and nothing after that', async () => {
    // opened by another reviewer: its author keeps it (comments-visibility.test.ts)
    const res = await fx.reviewer2.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Soon hidden',
    });
    const threadId = res.body.thread.id;
    await fx.coordinator.api.request('PATCH', `/api/comments/${threadId}/visibility`, { visibility: 'team' });
    await waitFor(
      () => about(sockets.reviewer, threadId).some((e) => e.event.change === 'hidden'),
      'hidden event',
      1_000,
    );
    await fx.drafter.api.request('POST', `/api/comments/${threadId}/replies`, { body: 'Between us' });
    await waitFor(() => about(sockets.drafter, threadId).length === 3, 'the team reply', 1_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(about(sockets.reviewer, threadId).map((e) => e.event.change)).toEqual(['created', 'hidden']);
    expect(about(sockets.drafter, threadId).map((e) => e.event.change)).toEqual([
      'created',
      'visibility',
      'replied',
    ]);
  });

  it('push a notification to the mentioned member', async () => {
    await fx.drafter.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: `${formatMention('Rosa Reviewer', fx.reviewer.id)} please look`,
    });
    // (earlier tests' replies in the reviewer's threads notified them too)
    const isMention = (e: { event: any }) =>
      e.event.type === 'notification.created' && e.event.notification.kind === 'mention';
    await waitFor(() => sockets.reviewer.events.some(isMention), 'notification', 1_000);
    const note = sockets.reviewer.events.find(isMention)!.event.notification;
    expect(note).toMatchObject({ kind: 'mention', actor: { id: fx.drafter.id }, read: false });
    expect(sockets.observer.events.some((e) => e.event.type === 'notification.created')).toBe(false);
  });
});
