import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { startRedis } from '../helpers/redis.js';
import { startNginx, type TestNginx } from '../helpers/nginx.js';
import { waitFor } from '../helpers/collab.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { documentJson } from '../helpers/clauseTrees.js';

/**
 * Two instances behind Debian's nginx with Accord's configuration (deploy/nginx), one Redis, one
 * database, as docker-compose.yml runs them; stock y-websocket clients through nginx.
 */
let a: TestServer;
let b: TestServer;
let nginx: TestNginx;
let fx: CommentsFixture;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  const redis = await startRedis();
  // both instances fold their stored updates into snapshots every few writes: often at once
  const env = {
    REDIS_URL: redis.url,
    TRUST_PROXY: 'loopback',
    COLLAB_RESYNC_INTERVAL_MS: '500',
    COLLAB_COMPACT_AFTER: '3',
  };
  a = await startServer({ env });
  b = await startServer({ dbName: a.dbName, env });
  nginx = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
  fx = await createCommentsFixture(nginx.url);
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
});

it('kill -9 of one instance while two people type: their clients reconnect through nginx to the other, and every word is there', async () => {
  const id = clauseId();
  const writer = await openSynced(nginx.wsUrl, fx.coordinator, fx.documentId);
  open.push(writer);
  await writeArticles(nginx.wsUrl, writer, fx.coordinator, fx.documentId, [
    { id, heading: 'Legal aid', paragraphs: ['States provide legal aid.'] },
  ]);
  const clients = [
    await openSynced(nginx.wsUrl, fx.drafter, fx.documentId),
    await openSynced(nginx.wsUrl, fx.coordinator, fx.documentId),
  ];
  open.push(...clients);
  // a client whose instance died sees its socket close, and reconnects through nginx
  let dropped = 0;
  for (const c of clients) c.on('connection-close', () => dropped++);
  const words = (who: string) => Array.from({ length: 30 }, (_, i) => `${who}${i}`);
  const typeInto = async (provider: WebsocketProvider, list: string[]) => {
    for (const [i, word] of list.entries()) {
      const text = paragraphText(provider.doc, id);
      text.insert(text.length, ` ${word}`);
      if (i === 10 && provider === clients[0]) void a.kill();
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
  };
  await Promise.all([typeInto(clients[0]!, words('d')), typeInto(clients[1]!, words('c'))]);
  await a.exited;
  // nginx balances one client to each instance: one of them lost its socket with A
  expect(dropped).toBeGreaterThan(0);
  const probe = await openSynced(nginx.wsUrl, fx.reviewer, fx.documentId);
  open.push(probe);
  await waitFor(
    () => clients.every((c) => documentJson(c.doc) === documentJson(probe.doc)),
    'the clients and a fresh one to converge through the instance left',
    20_000,
  );
  const text = paragraphText(probe.doc, id).toString();
  for (const word of [...words('d'), ...words('c')]) expect(text).toContain(` ${word}`);

  // the database holds all of it, B still running: what A's clients typed reached B over Redis and
  // A died before storing it; A fell silent, so B stores it (both instances compacted as they went)
  const alone = await startServer({ dbName: a.dbName, env: { COLLAB_IDLE_UNLOAD_MS: '10' } });
  try {
    await waitFor(
      async () => {
        const reloaded = await openSynced(alone.wsUrl, fx.reviewer, fx.documentId);
        const same = documentJson(reloaded.doc) === documentJson(probe.doc);
        reloaded.destroy();
        if (!same) await new Promise((r) => setTimeout(r, 300));
        return same;
      },
      'the database to hold what everyone sees',
      15_000,
    );
  } finally {
    await alone.stop();
  }
});
