import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { articleElement, clauseId, paragraphId } from '../helpers/commentsFixture.js';
import { Gate, openGatedProvider } from '../helpers/gatedProvider.js';
import { clauseById, clauseElements, documentJson, firstText, moveClause } from '../helpers/clauseTrees.js';
// the same generator as the in-process randomized run (server/src/collab/moves/randomMoves.ts)
import { SeededRandom } from '../../server/dist/collab/moves/SeededRandom.js';

/**
 * Randomized: 4 stock y-websocket clients move articles and chapters, type and delete words at
 * random, some of them stale (their incoming messages held) or offline for a round. After every
 * round: every client, a fresh client of the server and the state read back from the database
 * are identical; no clause id appears twice; every word typed and not deleted appears exactly
 * once, and every deleted word is gone. Reproducible: MOVES_SEED and MOVES_ROUNDS choose the
 * run (`MOVES_ROUNDS=200 npx vitest run tests/integration/collab-moves-random.test.ts` for a
 * longer one).
 */
const SEED = Number(process.env.MOVES_SEED ?? 19);
const ROUNDS = Number(process.env.MOVES_ROUNDS ?? 24);
const CLIENTS = 4;

let server: TestServer;
let coordinator: NewUser;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  coordinator = await newUser(new ApiClient(server.url));
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server?.stop();
});

interface Client {
  provider: WebsocketProvider;
  gate: Gate;
}

function chapter(id: string, articles: Y.XmlElement[]): Y.XmlElement {
  const element = new Y.XmlElement('chapter');
  element.setAttribute('clauseId', id);
  const heading = new Y.XmlElement('clauseHeading');
  heading.insert(0, [new Y.XmlText(`chapter ${id.slice(0, 3)}`)]);
  element.insert(0, [heading, ...articles]);
  return element;
}

/** Every document state the database holds for the document, applied to a fresh Y.Doc. */
async function reloadFromDatabase(documentId: string): Promise<Y.Doc> {
  const client = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
  try {
    const db = client.db();
    const prefix = new RegExp(`^${documentId}:`);
    const doc = new Y.Doc();
    for (const s of await db
      .collection('doc_snapshots')
      .find({ _id: prefix as never })
      .toArray()) {
      if (s.state) Y.applyUpdate(doc, new Uint8Array(s.state.buffer));
    }
    for (const u of await db
      .collection('doc_updates')
      .find({ _id: prefix as never })
      .toArray()) {
      Y.applyUpdate(doc, new Uint8Array(u.update.buffer));
    }
    return doc;
  } finally {
    await client.close();
  }
}

/** Whole words of the document's text, counted. */
function wordCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const element of clauseElements(doc)) {
    for (const child of element.toArray()) {
      const texts = child instanceof Y.XmlElement ? child.toArray() : [];
      for (const text of texts) {
        if (!(text instanceof Y.XmlText)) continue;
        for (const word of text.toString().split(' '))
          if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return counts;
}

describe('randomized moves, typing and deletions', () => {
  it(`converge with every word once (seed ${SEED}, ${ROUNDS} rounds, ${CLIENTS} clients)`, async () => {
    const random = new SeededRandom(SEED);
    const created = await coordinator.api.request('POST', '/api/documents', { title: 'Random moves' });
    const documentId = created.body.document.id as string;
    const chapters = [clauseId(), clauseId(), clauseId()];
    const articles = chapters.map(() => [clauseId(), clauseId(), clauseId()]);
    const writer = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    open.push(writer);
    await whenSynced(writer);
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment('default');
      fragment.delete(0, fragment.length);
      fragment.insert(
        0,
        chapters.map((c, i) =>
          chapter(
            c,
            articles[i]!.map((a) => articleElement({ id: a, heading: `art`, paragraphs: ['seed'] })),
          ),
        ),
      );
    });
    const clients: Client[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const gate = new Gate();
      const provider = openGatedProvider(server.wsUrl, coordinator.api.cookie, documentId, gate);
      open.push(provider);
      clients.push({ provider, gate });
    }
    await waitFor(
      () =>
        clients.every((c) => c.provider.synced && documentJson(c.provider.doc) === documentJson(writer.doc)),
      'clients to load the document',
    );
    writer.destroy();

    const allArticles = articles.flat();
    const typed = new Set<string>();
    const deleted = new Set<string>();
    let ops = 0;
    let serial = 0;
    /** what each client did, for the failure message */
    const log: string[] = [];
    const resurrected = new Set<string>();

    for (let round = 0; round < ROUNDS; round++) {
      // each client: stale (sees nothing of the others) or offline for the round, or neither
      const offline = new Set<number>();
      clients.forEach((c, i) => {
        if (random.chance(0.15)) {
          offline.add(i);
          c.provider.disconnect();
          log.push(`r${round} c${i} offline`);
        } else if (random.chance(0.4)) {
          c.gate.holdIncoming = true;
          log.push(`r${round} c${i} stale`);
        }
      });
      const steps = 2 + random.int(4);
      for (let step = 0; step < steps; step++) {
        for (const [i, c] of clients.entries()) {
          if (random.chance(0.3)) continue;
          const doc = c.provider.doc;
          const roll = random.next();
          if (roll < 0.2) {
            // move an article anywhere (same chapter or another), or now and then a chapter
            if (random.chance(0.2)) {
              const [id, at] = [random.pick(chapters), random.int(chapters.length)];
              log.push(`r${round} c${i} move chapter ${id} to ${at}`);
              moveClause(doc, id, null, at);
            } else {
              const [id, target, at] = [random.pick(allArticles), random.pick(chapters), 1 + random.int(4)];
              log.push(`r${round} c${i} move ${id} into ${target} at ${at}`);
              moveClause(doc, id, target, at);
            }
          } else if (roll < 0.8) {
            const articleId = random.pick(allArticles);
            const text = random.chance(0.25)
              ? firstText(clauseById(doc, articleId))
              : firstText(clauseById(doc, paragraphId(articleId, 0)));
            const word = `w${i}x${serial++}`;
            const content = text.toString();
            const gaps = [content.length, ...[...content].flatMap((ch, k) => (ch === ' ' ? [k] : []))];
            const at = random.pick(gaps);
            text.insert(at, ` ${word}`);
            log.push(`r${round} c${i} type ${word} in ${articleId}`);
            typed.add(word);
          } else {
            // delete one word this client sees (one it or another typed)
            const articleId = random.pick(allArticles);
            const text = firstText(clauseById(doc, paragraphId(articleId, 0)));
            const content = text.toString();
            const words = [...content.matchAll(/ (w\d+x\d+)/g)];
            if (words.length > 0) {
              const match = random.pick(words);
              text.delete(match.index!, match[0].length);
              log.push(`r${round} c${i} delete ${match[1]} in ${articleId}`);
              deleted.add(match[1]!);
            }
          }
          ops++;
        }
        await new Promise((r) => setTimeout(r, random.int(30)));
      }
      for (const [i, c] of clients.entries()) {
        c.gate.release();
        if (offline.has(i)) c.provider.connect();
      }
      const probe = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
      await whenSynced(probe);
      await waitFor(
        () =>
          clients.every((c) => c.provider.synced && documentJson(c.provider.doc) === documentJson(probe.doc)),
        `round ${round}: every client to converge with the server`,
        20_000,
      );
      probe.destroy();
      const stored = async () => documentJson(await reloadFromDatabase(documentId));
      await waitFor(
        async () => (await stored()) === documentJson(probe.doc),
        `round ${round}: the database to hold the same document`,
        20_000,
      );

      const doc = probe.doc;
      const ids = clauseElements(doc).map((e) => e.getAttribute('clauseId'));
      expect(new Set(ids).size, `round ${round}: no clause id twice`).toBe(ids.length);
      for (const id of [...chapters, ...allArticles])
        expect(ids, `round ${round}: ${id} is there`).toContain(id);
      const counts = wordCounts(doc);
      for (const word of typed) {
        const found = counts.get(word) ?? 0;
        // a deleted word stays deleted, also when an editor offline moved its clause
        if (deleted.has(word) && found === 1) resurrected.add(word);
        const ok = deleted.has(word) ? found === 0 : found === 1;
        if (!ok) {
          const where = clauseElements(doc)
            .filter((e) => e.toString().includes(word))
            .map((e) => `${e.getAttribute('clauseId')}: ${e.toString().slice(0, 400)}`);
          console.log(
            `${log.filter((l) => l.includes(word) || l.startsWith(`r${round} `)).join('\n')}\n${where.join('\n')}`,
          );
        }
        expect(
          ok,
          `round ${round}: "${word}" appears ${found} time(s)${deleted.has(word) ? ' (deleted)' : ''}`,
        ).toBe(true);
      }
    }
    expect(ops).toBeGreaterThan(ROUNDS * 4);
    console.log(
      `randomized moves: seed ${SEED}, ${ROUNDS} rounds, ${ops} operations, ${typed.size} words typed, ${deleted.size} deleted, ${resurrected.size} deletions undone`,
    );
  });
});
