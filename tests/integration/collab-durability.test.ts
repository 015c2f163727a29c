import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { ObjectId } from 'mongodb';
import { CloseCode, MessageType, encodeSaved } from '@accord/shared';
import type { WebsocketProvider } from 'y-websocket';
import { withDatabase } from '../helpers/database.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import {
  appendParagraph,
  openProvider,
  openRawSocket,
  paragraphs,
  waitFor,
  whenSynced,
} from '../helpers/collab.js';

const servers: TestServer[] = [];
const providers: WebsocketProvider[] = [];

async function start(opts: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer(opts);
  servers.push(server);
  return server;
}

afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

async function setup(env: Record<string, string> = {}) {
  const server = await start({ env });
  const owner = new ApiClient(server.url);
  const drafter = new ApiClient(server.url);
  await newUser(owner);
  const d = await newUser(drafter);
  const documentId: string = (await owner.request('POST', '/api/documents', { title: 'Durability' })).body
    .document.id;
  await addMember(owner, documentId, d, 'drafter');
  return { server, owner, drafter, documentId };
}

function open(server: TestServer, api: ApiClient, documentId: string) {
  const provider = openProvider(server.wsUrl, api.cookie, documentId);
  providers.push(provider);
  return provider;
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('nothing a collaborator has seen is lost', () => {
  it('converges to every update after kill -9 in the middle of a typing burst', async () => {
    const { server, owner, drafter, documentId } = await setup();
    const a = open(server, owner, documentId);
    const b = open(server, drafter, documentId);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    const perClient = 150;
    let typed = 0;
    const typing = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        appendParagraph(a.doc, `a${typed}`);
        appendParagraph(b.doc, `b${typed}`);
        if (++typed === perClient) {
          clearInterval(timer);
          resolve();
        }
      }, 4);
    });
    await waitFor(() => typed >= perClient / 3, 'a third of the burst');
    await server.kill();
    await typing;
    // the same port, so the clients' reconnect attempts reach the new process
    const restarted = await start({ dbName: server.dbName, env: { PORT: String(server.port) } });
    await Promise.all([whenSynced(a, 20_000), whenSynced(b, 20_000)]);
    await waitFor(
      () => paragraphs(a.doc).length === 2 * perClient && paragraphs(b.doc).length === 2 * perClient,
      'clients to converge after restart',
      20_000,
    );
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));

    // and the database has all of it: a graceful restart, then a client with no state of its own
    for (const p of providers.splice(0)) p.destroy();
    await restarted.stop();
    const third = await start({ dbName: server.dbName });
    owner.baseUrl = third.url;
    const fresh = open(third, owner, documentId);
    await whenSynced(fresh);
    await waitFor(() => paragraphs(fresh.doc).length === 2 * perClient, 'reloaded state');
    const texts = paragraphs(fresh.doc);
    for (let i = 0; i < perClient; i++) {
      expect(texts).toContain(`a${i}`);
      expect(texts).toContain(`b${i}`);
    }
  });

  it('has stored an edit once the server acknowledged it as saved, even if killed right after', async () => {
    const { server, owner, documentId } = await setup();
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    const doc = new Y.Doc();
    appendParagraph(doc, 'acknowledged before the crash');
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    raw.socket.send(encodeSaved(1));
    await waitFor(
      () =>
        raw.messages.some((m) => {
          const decoder = decoding.createDecoder(m);
          return (
            decoding.readVarUint(decoder) === MessageType.ACCORD_SAVED && decoding.readVarUint(decoder) === 1
          );
        }),
      'saved acknowledgement',
    );
    await server.kill();
    const restarted = await start({ dbName: server.dbName });
    owner.baseUrl = restarted.url;
    const fresh = open(restarted, owner, documentId);
    await whenSynced(fresh);
    await waitFor(() => paragraphs(fresh.doc).length === 1, 'stored paragraph');
    expect(paragraphs(fresh.doc)).toEqual(['acknowledged before the crash']);
  });

  it('never sends Accord messages to a stock client that did not ask for them', async () => {
    const { server, owner, documentId } = await setup();
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    const doc = new Y.Doc();
    appendParagraph(doc, 'x');
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    await new Promise((r) => setTimeout(r, 300));
    const types = raw.messages.map((m) => decoding.readVarUint(decoding.createDecoder(m)));
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t === MessageType.SYNC || t === MessageType.AWARENESS)).toBe(true);
    raw.socket.close();
  });
});

describe('persistence', () => {
  it('stores a steady stream of keystrokes in one write per COLLAB_FLUSH_MS, not one per keystroke', async () => {
    const flushMs = 100;
    const { server, owner, documentId } = await setup({
      COLLAB_FLUSH_MS: String(flushMs),
      COLLAB_COMPACT_AFTER: '100000',
    });
    const a = open(server, owner, documentId);
    await whenSynced(a);
    const id = new ObjectId(documentId);
    const started = performance.now();
    for (let i = 0; i < 60; i++) {
      appendParagraph(a.doc, `keystroke ${i}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    const typedMs = performance.now() - started;
    const expected = Array.from({ length: 60 }, (_, i) => `keystroke ${i}`);
    const stored = new Y.Doc();
    await waitFor(
      () =>
        withDatabase(server.dbName, async (db) => {
          const snapshot = await db.collection('doc_snapshots').findOne({ documentId: id });
          const updates = await db.collection('doc_updates').find({ documentId: id }).toArray();
          const doc = new Y.Doc();
          if (snapshot) Y.applyUpdate(doc, snapshot.state.buffer);
          for (const u of updates) Y.applyUpdate(doc, u.update.buffer);
          const done = expected.every((text) => paragraphs(doc).includes(text));
          if (done) Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
          return done;
        }),
      'every keystroke stored',
    );
    expect(paragraphs(stored).filter((p) => p.startsWith('keystroke'))).toEqual(expected);
    // writes start at least flushMs apart (the next one waits for its oldest update to be due);
    // each write holds at most two records for this document: the typist's and the server's own
    // (clause ids for the new paragraphs)
    const records = await withDatabase(server.dbName, (db) =>
      db.collection('doc_updates').countDocuments({ documentId: id }),
    );
    const writes = Math.ceil(typedMs / flushMs) + 1;
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThanOrEqual(2 * writes);
  });

  it('compacts stored updates into a snapshot and deletes exactly what it folded', async () => {
    const { server, owner, documentId } = await setup({
      COLLAB_COMPACT_AFTER: '10',
      COLLAB_IDLE_UNLOAD_MS: '100',
    });
    const a = open(server, owner, documentId);
    await whenSynced(a);
    for (let i = 0; i < 35; i++) {
      appendParagraph(a.doc, `p${i}`);
      await new Promise((r) => setTimeout(r, 15));
    }
    await waitFor(
      () =>
        withDatabase(
          server.dbName,
          async (db) => (await db.collection('doc_snapshots').countDocuments()) > 0,
        ),
      'a snapshot',
    );
    a.destroy();
    providers.length = 0;
    // idle unload folds the rest
    await waitFor(
      () =>
        withDatabase(server.dbName, async (db) => {
          const updates = await db
            .collection('doc_updates')
            .countDocuments({ documentId: new ObjectId(documentId) });
          // older snapshots keep their record (numbered 1…n without gaps) but not their state
          const snapshots = await db
            .collection('doc_snapshots')
            .countDocuments({ documentId: new ObjectId(documentId), state: { $ne: null } });
          return updates === 0 && snapshots === 1;
        }),
      'everything folded into one snapshot',
    );
    const b = open(server, owner, documentId);
    await whenSynced(b);
    await waitFor(() => paragraphs(b.doc).length === 35, 'reloaded from the snapshot');
    expect(paragraphs(b.doc)).toEqual(Array.from({ length: 35 }, (_, i) => `p${i}`));
  });

  it('closes sockets with LOAD_FAILED when stored state cannot be loaded, and stores nothing', async () => {
    const { server, owner, documentId } = await setup();
    // the first update after the document's first state, under its key
    const corrupt = {
      _id: `${documentId}:1`,
      documentId: new ObjectId(documentId),
      seq: 1,
      update: Buffer.from([1, 2, 3]),
      hash: 'corrupt',
      userId: null,
      createdAt: new Date(),
    };
    await withDatabase(server.dbName, (db) =>
      db.collection<{ _id: string }>('doc_updates').insertOne(corrupt),
    );
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    const doc = new Y.Doc();
    appendParagraph(doc, 'must not be stored');
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CloseCode.LOAD_FAILED);
    const stored = await withDatabase(server.dbName, (db) =>
      db.collection('doc_updates').countDocuments({ documentId: new ObjectId(documentId) }),
    );
    expect(stored).toBe(1);
  });
});
