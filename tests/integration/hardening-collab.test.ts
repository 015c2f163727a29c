import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, encodeSaved } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import {
  appendParagraph,
  openProvider,
  openRawSocket,
  paragraphs,
  waitFor,
  whenSynced,
  type RawSocket,
} from '../helpers/collab.js';

// Issue 13, items 2–5: attacks on the collaboration socket by a member of the document.

const MAX_PENDING = 256 * 1024;
const MAX_EARLY = 64 * 1024;
const MAX_BACKLOG = 1024 * 1024;
const MAX_AWARENESS_STATE = 8 * 1024;
const MAX_AWARENESS_QUERIES = 5;

let server: TestServer;
let owner: ApiClient;

beforeAll(async () => {
  server = await startServer({
    env: {
      COLLAB_MAX_CONNECTIONS_PER_USER: '1000',
      COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: '1000',
      COLLAB_MAX_PENDING_BYTES: String(MAX_PENDING),
      COLLAB_MAX_EARLY_BYTES: String(MAX_EARLY),
      COLLAB_MAX_SEND_BACKLOG_BYTES: String(MAX_BACKLOG),
      COLLAB_MAX_AWARENESS_STATE_BYTES: String(MAX_AWARENESS_STATE),
      COLLAB_MAX_AWARENESS_QUERIES_PER_SECOND: String(MAX_AWARENESS_QUERIES),
    },
  });
  owner = new ApiClient(server.url);
  await newUser(owner);
});

afterAll(async () => {
  await server?.stop();
});

async function newDocument(title: string): Promise<string> {
  const created = await owner.request('POST', '/api/documents', { title });
  expect(created.status).toBe(201);
  return created.body.document.id as string;
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 with an empty state vector: "send me everything" (answered with sync step 2). */
const SYNC_STEP_1_EMPTY = Uint8Array.from([MessageType.SYNC, syncProtocol.messageYjsSyncStep1, 1, 0]);

const isSyncStep2 = (m: Uint8Array) => m[0] === MessageType.SYNC && m[1] === syncProtocol.messageYjsSyncStep2;

/**
 * Waits until the server either closed the socket or answered a sync step 1 sent after the
 * attack (the server handles one socket's messages in order: an answer means it took the attack).
 */
async function outcome(raw: RawSocket): Promise<number | 'answered'> {
  let code: number | null = null;
  void raw.closed.then((c) => (code = c.code));
  const before = raw.messages.filter(isSyncStep2).length;
  if (raw.socket.readyState === raw.socket.OPEN) raw.socket.send(SYNC_STEP_1_EMPTY);
  await waitFor(
    () => code !== null || raw.messages.filter(isSyncStep2).length > before,
    'a close or an answer',
  );
  return code ?? 'answered';
}

/** The editor content as a fresh stock client sees it. */
async function editorContent(documentId: string): Promise<{ paragraphs: string[]; kinds: string[] }> {
  const provider = openProvider(server.wsUrl, owner.cookie, documentId);
  try {
    await whenSynced(provider);
    const fragment = provider.doc.getXmlFragment('default');
    return {
      paragraphs: paragraphs(provider.doc),
      kinds: fragment.toArray().map((n) => (n instanceof Y.XmlElement ? n.nodeName : typeof n)),
    };
  } finally {
    provider.destroy();
  }
}

async function seed(documentId: string, text: string): Promise<void> {
  const provider = openProvider(server.wsUrl, owner.cookie, documentId);
  await whenSynced(provider);
  appendParagraph(provider.doc, text);
  const saved = provider.doc.getXmlFragment('default').length;
  provider.destroy();
  await waitFor(async () => (await editorContent(documentId)).kinds.length >= saved, 'seed stored');
}

describe('poison updates (item 2)', () => {
  let documentId: string;
  let before: { paragraphs: string[]; kinds: string[] };

  beforeAll(async () => {
    documentId = await newDocument('Poison');
    await seed(documentId, 'kept text');
    before = await editorContent(documentId);
  });

  const poisons: [string, () => Uint8Array][] = [
    [
      'plain values in the root fragment',
      () => {
        const doc = new Y.Doc();
        doc.getArray('default').insert(0, [1, 2, 3]);
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'another shared type',
      () => {
        const doc = new Y.Doc();
        doc.getMap('evil').set('x', 'y');
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'a node the schema does not know',
      () => {
        const doc = new Y.Doc();
        doc.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]);
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'a mark the schema does not know',
      () => {
        const doc = new Y.Doc();
        const paragraph = new Y.XmlElement('paragraph');
        doc.getXmlFragment('default').insert(0, [paragraph]);
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        text.insert(0, 'marked', { blink: {} });
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'an attribute the node does not declare',
      () => {
        const doc = new Y.Doc();
        const paragraph = new Y.XmlElement('paragraph');
        doc.getXmlFragment('default').insert(0, [paragraph]);
        paragraph.setAttribute('onclick', 'alert(1)');
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'an attribute too large',
      () => {
        const doc = new Y.Doc();
        const article = new Y.XmlElement('article');
        doc.getXmlFragment('default').insert(0, [article]);
        article.setAttribute('clauseId', 'x'.repeat(100_000));
        return Y.encodeStateAsUpdate(doc);
      },
    ],
    [
      'characters straight in an element that holds blocks',
      () => {
        const doc = new Y.Doc();
        const chapter = new Y.XmlElement('chapter');
        doc.getXmlFragment('default').insert(0, [chapter]);
        chapter.insert(0, [new Y.XmlText('loose')]);
        return Y.encodeStateAsUpdate(doc);
      },
    ],
  ];

  for (const [name, make] of poisons) {
    it(`refuses ${name} with INVALID_DOCUMENT, before anyone gets it`, async () => {
      const watcher = openProvider(server.wsUrl, owner.cookie, documentId);
      await whenSynced(watcher);
      const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
      raw.socket.send(syncUpdateMessage(make()));
      expect(await outcome(raw)).toBe(CloseCode.INVALID_DOCUMENT);
      // the watcher saw nothing of it, and the stored document is as it was
      const shared = [...watcher.doc.share.keys()];
      const kinds = watcher.doc
        .getXmlFragment('default')
        .toArray()
        .map((n) => (n instanceof Y.XmlElement ? n.nodeName : typeof n));
      watcher.destroy();
      expect(shared).toEqual(['default']);
      expect(kinds).toEqual(before.kinds);
      expect(await editorContent(documentId)).toEqual(before);
    });
  }

  it('refuses 20,000 nested elements with INVALID_DOCUMENT; the outline and content still answer', async () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('default');
      for (let i = 0; i < 20_000; i++) {
        const point: Y.XmlElement = new Y.XmlElement('point');
        parent.insert(0, [point]);
        parent = point;
      }
    });
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    expect(await outcome(raw)).toBe(CloseCode.INVALID_DOCUMENT);
    expect((await owner.request('GET', `/api/documents/${documentId}/outline`)).status).toBe(200);
    expect((await owner.request('GET', `/api/documents/${documentId}/content`)).status).toBe(200);
    expect(await editorContent(documentId)).toEqual(before);
  });

  it('still takes what the editor writes: formatted text, a link, typing into it', async () => {
    const writer = openProvider(server.wsUrl, owner.cookie, documentId);
    const reader = openProvider(server.wsUrl, owner.cookie, documentId);
    await whenSynced(writer);
    await whenSynced(reader);
    let closed = false;
    writer.on('connection-close', () => (closed = true));
    const paragraph = new Y.XmlElement('paragraph');
    writer.doc.getXmlFragment('default').push([paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'bold', { bold: {} });
    text.insert(4, ' and a link', { link: { href: 'https://example.org' } });
    for (const c of ' typed') text.insert(text.length, c);
    const lastText = () => {
      const last = reader.doc.getXmlFragment('default').toArray().at(-1);
      const inner = last instanceof Y.XmlElement ? last.get(0) : null;
      return inner instanceof Y.XmlText
        ? (inner.toDelta() as { insert: string }[]).map((d) => d.insert).join('')
        : null;
    };
    await waitFor(() => lastText() === 'bold and a link typed', 'the edit to reach another client');
    expect(closed).toBe(false);
    writer.destroy();
    reader.destroy();
  });
});

describe('updates that never apply (item 3)', () => {
  it('closes a connection whose unappliable updates pass the limit with PENDING_TOO_LARGE', async () => {
    const documentId = await newDocument('Pending');
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    await waitFor(() => raw.messages.length > 0, 'the greeting (the document loaded)');
    // each update continues a client's text after a first paragraph it never sends: the server
    // cannot apply it until that paragraph arrives, which it never does
    const chunk = 64 * 1024;
    for (let i = 0; i < (MAX_PENDING / chunk) * 2; i++) {
      const doc = new Y.Doc();
      appendParagraph(doc, 'never sent');
      const withheld = Y.encodeStateVector(doc);
      appendParagraph(doc, randomBytes(chunk / 2).toString('hex'));
      raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc, withheld)));
    }
    expect(await outcome(raw)).toBe(CloseCode.PENDING_TOO_LARGE);
    expect((await owner.request('GET', '/api/health')).status).toBe(200);
  });

  it('applies an update once what it depends on arrives (from another connection), and only then says it is saved', async () => {
    const documentId = await newDocument('Pending resolves');
    const doc = new Y.Doc();
    appendParagraph(doc, 'first tab');
    const first = Y.encodeStateAsUpdate(doc);
    const withheld = Y.encodeStateVector(doc);
    appendParagraph(doc, 'second tab');
    const second = Y.encodeStateAsUpdate(doc, withheld);
    const tab2 = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    await waitFor(() => tab2.messages.length > 0, 'the greeting (the document loaded)');
    tab2.socket.send(syncUpdateMessage(second));
    tab2.socket.send(encodeSaved(7));
    expect(await outcome(tab2)).toBe('answered');
    const saved = () => tab2.messages.some((m) => m[0] === MessageType.ACCORD_SAVED && m[1] === 7);
    // the server handled the question before the sync step 1 it answered: no answer yet
    expect(saved()).toBe(false);
    const tab1 = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    tab1.socket.send(syncUpdateMessage(first));
    expect(await outcome(tab1)).toBe('answered');
    await waitFor(saved, 'tab 2 told its update is saved');
    await waitFor(
      async () => (await editorContent(documentId)).paragraphs.join('|') === 'first tab|second tab',
      'both paragraphs stored',
    );
    tab1.socket.close();
    tab2.socket.close();
  });
});

function awarenessMessage(clientId: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify(state));
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

describe('awareness amplification (item 4)', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = await newDocument('Awareness');
  });

  it('closes a connection whose awareness state is too large with AWARENESS_TOO_LARGE', async () => {
    const watcher = openProvider(server.wsUrl, owner.cookie, documentId);
    await whenSynced(watcher);
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    raw.socket.send(awarenessMessage(4242, { cursor: 'x'.repeat(MAX_AWARENESS_STATE * 4) }));
    expect(await outcome(raw)).toBe(CloseCode.AWARENESS_TOO_LARGE);
    expect(watcher.awareness.getStates().has(4242)).toBe(false);
    // a normal state still passes
    const ok = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    ok.socket.send(awarenessMessage(4343, { cursor: { anchor: 1, head: 2 } }));
    await waitFor(() => watcher.awareness.getStates().has(4343), 'a normal awareness state');
    ok.socket.close();
    watcher.destroy();
  });

  it('closes a connection that floods awareness queries with RATE_LIMITED', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    for (let i = 0; i < 150; i++) raw.socket.send(Uint8Array.from([MessageType.QUERY_AWARENESS]));
    expect(await outcome(raw)).toBe(CloseCode.RATE_LIMITED);
  });

  it('closes a connection that does not read what it is sent with SEND_BACKLOG_FULL', async () => {
    const backlogDocument = await newDocument('Backlog');
    await seed(backlogDocument, randomBytes(128 * 1024).toString('hex'));
    const raw = await openRawSocket(server.wsUrl, owner.cookie, backlogDocument);
    // it stops reading and asks for the whole document again and again (~256 KB each answer)
    raw.socket.pause();
    const asks = 100;
    for (let i = 0; i < asks; i++) raw.socket.send(SYNC_STEP_1_EMPTY);
    let code: number | null = null;
    void raw.closed.then((c) => (code = c.code));
    raw.socket.resume();
    await waitFor(
      () => code !== null || raw.messages.filter(isSyncStep2).length >= asks,
      'a close or every answer',
    );
    expect(code).toBe(CloseCode.SEND_BACKLOG_FULL);
    expect(raw.messages.filter(isSyncStep2).length).toBeLessThan(asks);
    expect((await owner.request('GET', '/api/health')).status).toBe(200);
  });
});

/** A masked client WebSocket frame (binary, or close). */
function clientFrame(payload: Uint8Array, opcode = 0x2): Buffer {
  const length = payload.byteLength;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, 0x80 | length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 0x80 | 126, length >> 8, length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x80 | opcode;
            h[1] = 0x80 | 127;
            h.writeBigUInt64BE(BigInt(length), 2);
            return h;
          })();
  const mask = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, mask, body]);
}

/**
 * Opens the collaboration socket over plain TCP, with `messages` sent in the same write as the
 * upgrade request: the server reads them while the document is still loading. Resolves with the
 * close code the server sends, or 'answered' once it answers a sync step 1 (sent last).
 */
function pipelinedSocket(documentId: string, messages: Uint8Array[]): Promise<number | 'answered'> {
  const url = new URL(server.wsUrl);
  const request =
    `GET /collab/${documentId} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\n` +
    `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
    `Sec-WebSocket-Version: 13\r\nCookie: ${owner.cookie}\r\n\r\n`;
  const frames = [...messages, SYNC_STEP_1_EMPTY].map((m) => clientFrame(m));
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const finish = (result: number | 'answered') => {
      socket.destroy();
      resolve(result);
    };
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('socket ended without a close frame or an answer')));
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(head.split('\r\n')[0]));
        upgraded = true;
        buffer = buffer.subarray(end + 4);
      }
      for (;;) {
        if (buffer.length < 2) return;
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + length) return;
        const payload = buffer.subarray(offset, offset + length);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x8) return finish(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
        if (opcode === 0x2 && isSyncStep2(payload)) return finish('answered');
      }
    });
    socket.write(Buffer.concat([Buffer.from(request), ...frames]));
  });
}

describe('early buffer (item 5)', () => {
  it('closes a connection that sends too much while the document loads with LOADING_BUFFER_FULL', async () => {
    // nobody has this document open: the connection's messages arrive while it loads
    const documentId = await newDocument('Early');
    const updates: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) {
      const doc = new Y.Doc();
      appendParagraph(doc, `${i}`.repeat(MAX_EARLY / 2));
      updates.push(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    }
    expect(await pipelinedSocket(documentId, updates)).toBe(CloseCode.LOADING_BUFFER_FULL);
    expect((await editorContent(documentId)).paragraphs).toEqual([]);
  });

  it('keeps what a connection sends while the document loads, within the limit', async () => {
    const documentId = await newDocument('Early within');
    const doc = new Y.Doc();
    appendParagraph(doc, 'sent during the load');
    expect(await pipelinedSocket(documentId, [syncUpdateMessage(Y.encodeStateAsUpdate(doc))])).toBe(
      'answered',
    );
    await waitFor(
      async () => (await editorContent(documentId)).paragraphs.includes('sent during the load'),
      'the early update applied',
    );
  });
});
