import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { ObjectId } from 'mongodb';
import { withDatabase } from '../helpers/database.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { startRedis } from '../helpers/redis.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/**
 * Three instances, one Redis, one database (issue 15): six stock y-websocket clients, two on each
 * instance, type and delete at random in the same paragraph at once while every instance folds
 * its stored updates into snapshots every few writes (compaction on three instances at once, no
 * lock). Every client converges, and the database alone holds the converged text: a fourth
 * instance started after the three stopped serves exactly it.
 */
let servers: TestServer[] = [];
let fx: CommentsFixture;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  const redis = await startRedis();
  const env = { REDIS_URL: redis.url, COLLAB_RESYNC_INTERVAL_MS: '500', COLLAB_COMPACT_AFTER: '3' };
  const first = await startServer({ env });
  servers = [first, ...(await Promise.all([1, 2].map(() => startServer({ dbName: first.dbName, env }))))];
  fx = await createCommentsFixture(first.url);
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await Promise.all(servers.map((s) => s.stop()));
});

/** A small deterministic generator (mulberry32): the same seed types the same edits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

it('six clients on three instances typing at random converge, and the database holds the result', async () => {
  const id = clauseId();
  const writer = await openSynced(servers[0]!.wsUrl, fx.coordinator, fx.documentId);
  await writeArticles(servers[0]!.wsUrl, writer, fx.coordinator, fx.documentId, [
    { id, heading: 'Legal aid', paragraphs: ['States provide legal aid.'] },
  ]);
  writer.destroy();
  const people = [fx.coordinator, fx.drafter];
  const clients = await Promise.all(
    servers.flatMap((server) =>
      people.map(async (person) => {
        const p = await openSynced(server.wsUrl, person, fx.documentId);
        open.push(p);
        return p;
      }),
    ),
  );
  await waitFor(
    () => clients.every((c) => paragraphText(c.doc, id).length > 0),
    'every client to have the article',
  );
  const rounds = 60;
  await Promise.all(
    clients.map(async (client, n) => {
      const next = random(1000 + n);
      for (let i = 0; i < rounds; i++) {
        const text = paragraphText(client.doc, id);
        const at = Math.floor(next() * (text.length + 1));
        if (next() < 0.25 && text.length > 10) text.delete(at > text.length - 3 ? 0 : at, 3);
        else text.insert(at, `${String.fromCharCode(97 + n)}${i} `);
        // (spread over a few seconds: each instance stores, and compacts, many times meanwhile)
        await new Promise((r) => setTimeout(r, 10 + Math.floor(next() * 30)));
      }
    }),
  );
  await waitFor(
    () => new Set(clients.map((c) => paragraphText(c.doc, id).toString())).size === 1,
    'every client to have the same text',
    20_000,
  );
  const converged = paragraphText(clients[0]!.doc, id).toString();
  // the instances compacted as they went (each every 3 of its writes), none waiting for another
  const snapshots = await withDatabase(servers[0]!.dbName, (db) =>
    db.collection('doc_snapshots').countDocuments({ documentId: new ObjectId(fx.documentId) }),
  );
  expect(snapshots).toBeGreaterThanOrEqual(2);
  // each client's own last insert survived unless someone deleted over it; at least most did
  expect(converged.length).toBeGreaterThan('States provide legal aid.'.length);
  for (const c of clients) c.destroy();
  open.length = 0;
  await Promise.all(servers.map((s) => s.stop()));
  const fourth = await startServer({ dbName: servers[0]!.dbName });
  servers = [fourth];
  const fresh = openProvider(fourth.wsUrl, fx.reviewer.api.cookie, fx.documentId, new Y.Doc());
  open.push(fresh);
  await whenSynced(fresh);
  expect(paragraphText(fresh.doc, id).toString()).toBe(converged);
});
