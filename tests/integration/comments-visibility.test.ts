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
  type EventSocket,
} from '../helpers/commentsFixture.js';

/**
 * Issue 12, bug 8: a coordinator makes a reviewer's thread "Drafting team only". The thread leaves
 * every other reviewer and observer, on every read path and live, but never its own author, who
 * keeps reading it, the team's replies and the mentions in it.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
const sockets: EventSocket[] = [];
const A1 = clauseId();

const post = (user: NewUser, body: unknown) =>
  user.api.request('POST', `/api/documents/${fx.documentId}/comments`, body);
const list = async (user: NewUser) => {
  const res = await user.api.request('GET', `/api/documents/${fx.documentId}/comments`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { threads: any[]; clauseCounts: Record<string, { open: number }> };
};
const events = (socket: EventSocket, threadId: string) =>
  socket.events
    .filter((e) => e.event.type === 'comments.changed' && e.event.threadId === threadId)
    .map((e) => e.event.change);

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Access', paragraphs: ['States shall guarantee access to justice.'] },
  ]);
});

afterAll(() => {
  writer?.destroy();
  for (const socket of sockets) socket.close();
});

describe('a thread made team-only', () => {
  it('stays with its author, and leaves other reviewers and observers', async () => {
    const [author, other, observer] = await Promise.all(
      [fx.reviewer, fx.reviewer2, fx.observer].map((user) =>
        openEventSocket(server.wsUrl, user, fx.documentId),
      ),
    );
    sockets.push(author!, other!, observer!);
    const created = await post(fx.reviewer, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Does this cover customary courts?',
    });
    expect(created.status).toBe(201);
    const threadId = created.body.thread.id as string;
    expect(created.body.thread.seenAsAuthor).toBe(false);

    const made = await fx.coordinator.api.request('PATCH', `/api/comments/${threadId}/visibility`, {
      visibility: 'team',
    });
    expect(made.status).toBe(200);
    expect(made.body.thread).toMatchObject({ visibility: 'team', seenAsAuthor: false });
    const reply = await fx.drafter.api.request('POST', `/api/comments/${threadId}/replies`, {
      body: `Yes, ${formatMention('Rosa Reviewer', fx.reviewer.id)}: see article 4.`,
    });
    expect(reply.status).toBe(201);

    // live: the author is told of the change and of the reply; the others drop the thread
    await waitFor(() => events(author!, threadId).includes('replied'), 'the reply reaches the author', 2_000);
    await waitFor(() => events(other!, threadId).includes('hidden'), 'hidden for the other reviewer', 2_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(events(author!, threadId)).toEqual(['created', 'visibility', 'replied']);
    expect(events(other!, threadId)).toEqual(['created', 'hidden']);
    expect(events(observer!, threadId)).toEqual(['created', 'hidden']);
    expect(author!.events.some((e) => e.event.type === 'notification.created')).toBe(true);

    // the author lists it, marked as seen as its author, with the team's reply, and counts it
    const mine = await list(fx.reviewer);
    const thread = mine.threads.find((t) => t.id === threadId);
    expect(thread).toMatchObject({ visibility: 'team', seenAsAuthor: true, canReply: true });
    expect(thread.replies.map((r: any) => r.body)).toEqual([reply.body.comment.body]);
    expect(mine.clauseCounts[A1]?.open).toBe(1);
    expect((await fx.reviewer.api.request('GET', `/api/comments/${threadId}`)).status).toBe(200);
    const notes = await fx.reviewer.api.request('GET', '/api/notifications');
    expect(notes.body.notifications.map((n: any) => n.threadId)).toContain(threadId);
    const answered = await fx.reviewer.api.request('POST', `/api/comments/${threadId}/replies`, {
      body: 'Thank you.',
    });
    expect(answered.status).toBe(201);

    // nobody else outside the team: not listed, not counted, 404 everywhere
    for (const outsider of [fx.reviewer2, fx.observer]) {
      const theirs = await list(outsider);
      expect(theirs.threads.map((t) => t.id)).not.toContain(threadId);
      expect(theirs.clauseCounts[A1]?.open ?? 0).toBe(0);
      expect((await outsider.api.request('GET', `/api/comments/${threadId}`)).status).toBe(404);
      expect((await outsider.api.request('GET', `/api/comments/${threadId}/revisions`)).status).toBe(404);
    }
    // the team sees it as a team thread
    const team = (await list(fx.coordinator)).threads.find((t) => t.id === threadId);
    expect(team).toMatchObject({ visibility: 'team', seenAsAuthor: false });
  });

  it('stays with a drafter who wrote it and is then made a reviewer', async () => {
    const created = await post(fx.drafter, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Internal: two wordings to choose from.',
      visibility: 'team',
    });
    expect(created.status).toBe(201);
    const threadId = created.body.thread.id as string;
    const demoted = await fx.coordinator.api.request(
      'PATCH',
      `/api/documents/${fx.documentId}/members/${fx.drafter.id}`,
      { role: 'reviewer' },
    );
    expect(demoted.status).toBe(200);
    const theirs = await list(fx.drafter);
    expect(theirs.threads.find((t) => t.id === threadId)).toMatchObject({ seenAsAuthor: true });
    expect((await list(fx.reviewer)).threads.map((t) => t.id)).not.toContain(threadId);
  });
});
