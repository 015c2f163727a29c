import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient } from '../helpers/api.js';
import { tableReplacement } from '../helpers/amendmentsFixture.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { openProvider, openRawSocket, waitFor, whenSynced } from '../helpers/collab.js';
import {
  createCommentsFixture,
  clauseId,
  findArticle,
  openEventSocket,
  openSynced,
  paragraphId,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { documentJson } from '../helpers/clauseTrees.js';

/**
 * Several instances of Accord over one database and one Redis (issue 15): stock y-websocket
 * clients on different instances, a real redis-server, real servers and database.
 */
let redis: TestRedis;
let a: TestServer;
let b: TestServer;
let fx: CommentsFixture;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  redis = await startRedis();
  // A stores late (what its clients write stays in its memory for a minute unless someone asks)
  const env = { REDIS_URL: redis.url, COLLAB_RESYNC_INTERVAL_MS: '300' };
  a = await startServer({ env: { ...env, COLLAB_FLUSH_MS: '60000' } });
  b = await startServer({ dbName: a.dbName, env });
  fx = await createCommentsFixture(a.url);
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await Promise.all([a?.stop(), b?.stop()]);
});

function track(provider: WebsocketProvider): WebsocketProvider {
  open.push(provider);
  return provider;
}

async function article(id: string): Promise<void> {
  const writer = track(await openSynced(a.wsUrl, fx.coordinator, fx.documentId));
  await writeArticles(a.wsUrl, writer, fx.coordinator, fx.documentId, [
    { id, heading: 'Legal aid', paragraphs: ['States provide legal aid.'] },
  ]);
  writer.destroy();
}

describe('several instances over Redis', () => {
  it('a client on B sees what a client on A wrote and A has not stored yet; both type at once and converge', async () => {
    const id = clauseId();
    await article(id);
    const onA = track(await openSynced(a.wsUrl, fx.drafter, fx.documentId));
    const onB = track(await openSynced(b.wsUrl, fx.coordinator, fx.documentId));
    await waitFor(() => findArticle(onB.doc, id) !== undefined, 'B’s client to have the article');
    const words = (who: string) => Array.from({ length: 40 }, (_, i) => `${who}${i}`);
    const typeInto = async (provider: WebsocketProvider, list: string[]) => {
      for (const word of list) {
        const text = paragraphText(provider.doc, id);
        // at a word boundary (after a space, or at either end): no word is split
        const current = text.toString();
        const spots = [0, current.length, ...[...current].flatMap((c, i) => (c === ' ' ? [i + 1] : []))];
        text.insert(spots[Math.floor(Math.random() * spots.length)]!, ` ${word} `);
        await new Promise((r) => setTimeout(r, Math.random() * 8));
      }
    };
    await Promise.all([typeInto(onA, words('a')), typeInto(onB, words('b'))]);
    await waitFor(
      () => documentJson(onA.doc) === documentJson(onB.doc),
      'the two clients to converge',
      15_000,
    );
    const text = paragraphText(onA.doc, id).toString();
    for (const word of [...words('a'), ...words('b')]) expect(text).toContain(` ${word} `);
  });

  it('shows who is there across instances, and removes them when they leave', async () => {
    const onA = track(await openSynced(a.wsUrl, fx.reviewer, fx.documentId));
    const onB = track(await openSynced(b.wsUrl, fx.coordinator, fx.documentId));
    onA.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    const seen = () =>
      onB.awareness.getStates().get(onA.awareness.clientID) as { user?: { name?: string } } | undefined;
    await waitFor(() => seen()?.user?.name === 'Rosa Reviewer', 'B’s client to see the reviewer on A');
    onA.destroy();
    await waitFor(() => seen() === undefined, 'the reviewer to be gone on B');
  });

  it('removing a member on A closes their socket on B within a second', async () => {
    const raw = await openRawSocket(b.wsUrl, fx.reviewer2.api.cookie, fx.documentId);
    const removedAt = Date.now();
    const removed = await fx.coordinator.api.request(
      'DELETE',
      `/api/documents/${fx.documentId}/members/${fx.reviewer2.id}`,
    );
    expect(removed.status).toBe(204);
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.FORBIDDEN);
    expect(Date.now() - removedAt).toBeLessThan(1000);
  });

  it('a comment made on A is in B’s answers as soon as B’s clients hear of it', async () => {
    const id = clauseId();
    await article(id);
    // B has the document's comments in memory already (an earlier read)
    const onB = new ApiClient(b.url);
    onB.cookie = fx.observer.api.cookie;
    expect((await onB.request('GET', `/api/documents/${fx.documentId}/comments`)).status).toBe(200);
    const events = await openEventSocket(b.wsUrl, fx.observer, fx.documentId);
    try {
      const made = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
        anchor: { kind: 'clause', clauseId: id },
        body: 'Across instances',
      });
      expect(made.status).toBe(201);
      const threadId = made.body.thread.id as string;
      await waitFor(
        () => events.events.some((e) => e.event.threadId === threadId),
        'B’s client to hear of the comment',
      );
      // what a client does on that event: fetch from its own instance
      const list = await onB.request('GET', `/api/documents/${fx.documentId}/comments`);
      expect(JSON.stringify(list.body)).toContain('Across instances');
      const thread = await onB.request('GET', `/api/comments/${threadId}`);
      expect(thread.status).toBe(200);
    } finally {
      events.close();
    }
  });

  it('an amendment tabled on A is in B’s answers as soon as B’s clients hear of it', async () => {
    const id = clauseId();
    await article(id);
    const onB = new ApiClient(b.url);
    onB.cookie = fx.coordinator.api.cookie;
    const list = () => onB.request('GET', `/api/documents/${fx.documentId}/amendments`);
    expect((await list()).status).toBe(200);
    const events = await openEventSocket(b.wsUrl, fx.coordinator, fx.documentId);
    try {
      const tabled = await tableReplacement(
        fx.reviewer,
        fx.documentId,
        paragraphId(id, 0),
        'States provide free legal aid.',
      );
      expect(tabled.status).toBe(201);
      await waitFor(
        () => events.events.some((e) => e.event.type === 'amendments.changed'),
        'B’s client to hear of the amendment',
      );
      const ids = (await list()).body.amendments.map((a: { id: string }) => a.id);
      expect(ids).toContain(tabled.body.amendment.id);
    } finally {
      events.close();
    }
  });

  it('Redis restarts while both sides type: health says degraded, and everyone converges once it is back', async () => {
    const id = clauseId();
    await article(id);
    const onA = track(await openSynced(a.wsUrl, fx.drafter, fx.documentId));
    const onB = track(await openSynced(b.wsUrl, fx.coordinator, fx.documentId));
    await waitFor(() => findArticle(onB.doc, id) !== undefined, 'B’s client to have the article');
    await redis.stop();
    await waitFor(
      async () => (await (await fetch(`${b.url}/api/health`)).json()).degraded === true,
      'B to report degraded',
    );
    paragraphText(onA.doc, id).insert(0, 'while Redis was down (A) ');
    paragraphText(onB.doc, id).insert(0, 'while Redis was down (B) ');
    await new Promise((r) => setTimeout(r, 300));
    // each instance still serves its own clients meanwhile
    const fresh = track(openProvider(b.wsUrl, fx.reviewer.api.cookie, fx.documentId, new Y.Doc()));
    await whenSynced(fresh);
    expect(paragraphText(fresh.doc, id).toString()).toContain('(B)');
    await redis.start();
    await waitFor(
      () =>
        [onA, onB, fresh].every(
          (p) =>
            paragraphText(p.doc, id).toString().includes('(A)') &&
            paragraphText(p.doc, id).toString().includes('(B)'),
        ),
      'every client to have both sides’ text',
      20_000,
    );
    const health = await (await fetch(`${b.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, redis: 'up', degraded: false });
  });
});
