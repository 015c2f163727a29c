import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType } from '@accord/shared';
import { Connection } from './Connection.js';
import type { CollabExtension } from './CollabExtension.js';
import type { LoadedDocument, RoomStore, UpdateRecord } from './DocumentStore.js';
import { Extensions } from './Extensions.js';
import { memorySocketPair, type MemorySocket } from './MemorySocket.js';
import { PersistenceQueue } from './PersistenceQueue.js';
import { RoomRegistry } from './RoomRegistry.js';
import { updateMessage } from './wire.js';

// The collaboration core without `ws`: rooms, their lifecycle and extension hooks, driven by
// y-protocols clients over in-memory sockets, with the persistence adapter kept in memory.

const logger = pino({ level: 'silent' });
const DOC = '64b000000000000000000001';

/** The persistence adapter in memory: what was appended, per document. */
class MemoryStore implements RoomStore {
  readonly records: UpdateRecord[] = [];
  loads = 0;
  /** a load waits for this when set (to act while a room loads) */
  gate: Promise<void> | null = null;
  /** a write waits for this when set */
  writeGate: Promise<void> | null = null;
  async load(documentId: string): Promise<LoadedDocument> {
    this.loads++;
    if (this.gate) await this.gate;
    const updates = this.records.filter((r) => r.documentId === documentId).map((r) => r.update);
    return { updates, updateCount: updates.length };
  }
  async compact(): Promise<boolean> {
    return true;
  }
  forget(): void {}
}

function core(extensionList: CollabExtension[] = [], idleUnloadMs = 60_000) {
  const store = new MemoryStore();
  const queue = new PersistenceQueue(5, logger, async (records) => {
    // a write waits while the test holds writes (an unload then waits for it)
    if (store.writeGate) await store.writeGate;
    store.records.push(...records);
  });
  const registry = new RoomRegistry({
    store,
    queue,
    logger,
    extensions: new Extensions(extensionList, logger),
    maxDocumentBytes: 1e7,
    maxPendingBytes: 1e6,
    maxAwarenessStateBytes: 1e4,
    maxPayloadBytes: 1e6,
    maxConnectionsPerDocument: 10,
    compactAfter: 1000,
    idleUnloadMs,
    claimStore: async (_documentId, _clientId, userId) => userId,
  });
  return { store, queue, registry };
}

/** A y-protocols client (what y-websocket's provider does) on one side of a socket pair. */
function client(registry: RoomRegistry, userId: string, role: 'drafter' | 'observer' = 'drafter') {
  const [serverSide, clientSide] = memorySocketPair();
  const conn = new Connection(serverSide, { id: userId, name: userId, colour: '#123456' }, role, {
    maxMessagesPerSecond: 1000,
    maxAwarenessQueriesPerSecond: 10,
    maxSendBacklogBytes: 1e7,
    maxEarlyBytes: 1e6,
  });
  const doc = new Y.Doc();
  clientSide.onMessage((message) => {
    const decoder = decoding.createDecoder(message!);
    if (decoding.readVarUint(decoder) !== MessageType.SYNC) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
    if (encoding.length(encoder) > 1) clientSide.send(encoding.toUint8Array(encoder));
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') clientSide.send(updateMessage(update));
  });
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MessageType.SYNC);
  syncProtocol.writeSyncStep1(step1, doc);
  clientSide.send(encoding.toUint8Array(step1));
  const joined = registry.join(DOC, conn);
  return { doc, socket: clientSide as MemorySocket, conn, joined };
}

/** The editor's document: paragraphs in the `default` fragment (what the server accepts). */
function write(doc: Y.Doc, words: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(words)]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [p]);
}

const text = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => ((p as Y.XmlElement).firstChild as Y.XmlText).toString())
    .join('|');

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('collaboration core (no ws)', () => {
  it('syncs two clients through a room and stores what they wrote', async () => {
    const { registry, queue, store } = core();
    const ana = client(registry, 'ana');
    const bea = client(registry, 'bea');
    await until(() => registry.get(DOC)?.state === 'ready', 'the room to load');
    write(ana.doc, 'free legal aid');
    await until(() => text(bea.doc) === 'free legal aid', 'Bea to receive Ana’s text');
    write(bea.doc, 'Article 1');
    await until(() => text(ana.doc) === 'free legal aid|Article 1', 'Ana to receive Bea’s text');
    await queue.drain();
    const stored = new Y.Doc();
    for (const record of store.records) Y.applyUpdate(stored, record.update);
    expect(text(stored)).toBe('free legal aid|Article 1');
    expect(new Set(store.records.map((r) => r.userId))).toEqual(new Set(['ana', 'bea']));
  });

  it('runs the extension hooks in lifecycle order, and a refusing beforeApply drops the update', async () => {
    const calls: string[] = [];
    let allow = true;
    const recorder: CollabExtension = {
      name: 'recorder',
      onLoad: () => void calls.push('load'),
      afterLoad: () => void calls.push('afterLoad'),
      onConnect: (_room, conn) => void calls.push(`connect ${conn.user.id}`),
      beforeApply: (_room, conn) => (calls.push(`beforeApply ${conn.user.id}`), allow),
      onChange: (_room, change) => void calls.push(`change ${change.conn?.user.id ?? 'server'}`),
      onStored: () => void calls.push('stored'),
      onDisconnect: (_room, conn) => void calls.push(`disconnect ${conn.user.id}`),
      onUnload: () => void calls.push('unload'),
    };
    const { registry, queue, store } = core([recorder], 20);
    const ana = client(registry, 'ana');
    await until(() => registry.get(DOC)?.state === 'ready', 'the room to load');
    write(ana.doc, 'kept');
    await until(() => calls.includes('change ana'), 'the change');
    await queue.drain();
    allow = false;
    write(ana.doc, 'dropped');
    await until(() => calls.filter((c) => c === 'beforeApply ana').length >= 3, 'the refused update');
    ana.socket.close(1000, 'bye');
    await until(() => calls.includes('unload'), 'the idle unload');
    expect(calls.filter((c) => !c.startsWith('beforeApply'))).toEqual([
      'load',
      // Ana joined while the room loaded: she is connected, and answered once it is loaded
      'connect ana',
      'afterLoad',
      'change ana',
      'stored',
      'disconnect ana',
      'unload',
    ]);
    const stored = new Y.Doc();
    for (const record of store.records) Y.applyUpdate(stored, record.update);
    expect(text(stored)).toBe('kept');
  });

  it('keeps what a client sends while the room loads, and handles it once loaded', async () => {
    const { registry, store } = core();
    let open!: () => void;
    store.gate = new Promise((resolve) => (open = resolve));
    const ana = client(registry, 'ana');
    write(ana.doc, 'typed before the load ended');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.get(DOC)?.state).toBe('loading');
    open();
    const bea = client(registry, 'bea');
    await until(() => text(bea.doc) === 'typed before the load ended', 'Bea to get the early text');
  });

  it('a client joining while the room unloads is served by the reloaded room, nothing it sent lost', async () => {
    const { registry, store, queue } = core([], 5);
    const ana = client(registry, 'ana');
    await until(() => registry.get(DOC)?.state === 'ready', 'the room to load');
    // the unload waits until Ana's writing is stored: held here, the room stays unloading
    let releaseWrites!: () => void;
    store.writeGate = new Promise((resolve) => (releaseWrites = resolve));
    write(ana.doc, 'first visit');
    await new Promise((resolve) => setTimeout(resolve, 20));
    ana.socket.close(1000, 'bye');
    await until(() => registry.get(DOC)?.state === 'unloading', 'the unload to begin');
    const bea = client(registry, 'bea');
    write(bea.doc, 'sent during the unload');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.get(DOC)?.state).toBe('unloading');
    store.writeGate = null;
    releaseWrites();
    await bea.joined;
    await until(
      () =>
        text(bea.doc) === 'first visit|sent during the unload' ||
        text(bea.doc) === 'sent during the unload|first visit',
      'Bea to sync',
    );
    await queue.drain();
    expect(store.loads).toBe(2);
  });

  it('read-only members and text frames: dropped, and closed with a named code', async () => {
    const { registry, store, queue } = core();
    const obs = client(registry, 'olu', 'observer');
    await until(() => registry.get(DOC)?.state === 'ready', 'the room to load');
    write(obs.doc, 'an observer cannot write');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.drain();
    expect(store.records).toEqual([]);
    (obs.socket as unknown as { send(m: string): void }).send('hello');
    await until(() => obs.socket.closed !== null, 'the close');
    expect(obs.socket.closed?.code).toBe(CloseCode.MALFORMED_MESSAGE);
  });
});
