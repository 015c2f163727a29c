import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import {
  UpgradeRefused,
  appendParagraph,
  openProvider,
  openRawSocket,
  paragraphs,
  waitFor,
  whenSynced,
} from '../helpers/collab.js';

const MAX_PAYLOAD = 64 * 1024;
const MAX_RATE = 50;
const MAX_PER_USER = 4;

let server: TestServer;
let owner: ApiClient;
let stranger: ApiClient;
let member: ApiClient;
let memberEmail: string;
let documentId: string;

beforeAll(async () => {
  server = await startServer({
    env: {
      COLLAB_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD),
      COLLAB_MAX_MESSAGES_PER_SECOND: String(MAX_RATE),
      COLLAB_MAX_CONNECTIONS_PER_USER: String(MAX_PER_USER),
      COLLAB_MAX_DOCUMENT_BYTES: String(256 * 1024),
    },
  });
  owner = new ApiClient(server.url);
  stranger = new ApiClient(server.url);
  member = new ApiClient(server.url);
  await newUser(owner);
  await newUser(stranger);
  memberEmail = (await newUser(member)).email;
  const created = await owner.request('POST', '/api/documents', { title: 'Security test' });
  documentId = created.body.document.id;
  await addMember(owner, documentId, { email: memberEmail, api: member }, 'drafter');
});

afterAll(async () => {
  await server?.stop();
});

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The document as a fresh client sees it, compared before and after an attack. */
async function documentState(): Promise<string[]> {
  const provider = openProvider(server.wsUrl, owner.cookie, documentId);
  try {
    await whenSynced(provider);
    await new Promise((r) => setTimeout(r, 100));
    return paragraphs(provider.doc);
  } finally {
    provider.destroy();
  }
}

async function expectRefused(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpgradeRefused);
  expect((error as UpgradeRefused).status).toBe(status);
}

describe('collaboration upgrade', () => {
  it('refuses a connection without a session (401)', async () => {
    await expectRefused(openRawSocket(server.wsUrl, null, documentId), 401);
  });

  it('refuses a browser origin that is not allowed (403)', async () => {
    await expectRefused(
      openRawSocket(server.wsUrl, owner.cookie, documentId, { origin: 'https://evil.example' }),
      403,
    );
  });

  it('accepts an allowed browser origin', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId, { origin: server.url });
    raw.socket.close();
  });

  it('refuses a document the user is not a member of, and one that does not exist (404)', async () => {
    await expectRefused(openRawSocket(server.wsUrl, stranger.cookie, documentId), 404);
    await expectRefused(openRawSocket(server.wsUrl, owner.cookie, 'ffffffffffffffffffffffff'), 404);
    await expectRefused(openRawSocket(server.wsUrl, owner.cookie, 'not-an-id'), 404);
  });

  it('closes a tab that speaks an unknown document schema version', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId, { query: '?schema=999' });
    expect((await raw.closed).code).toBe(CloseCode.UNSUPPORTED_SCHEMA_VERSION);
  });
});

describe('bad input closes only that connection and changes nothing', () => {
  it('seeds the document', async () => {
    const provider = openProvider(server.wsUrl, owner.cookie, documentId);
    await whenSynced(provider);
    appendParagraph(provider.doc, 'original text');
    await new Promise((r) => setTimeout(r, 200));
    provider.destroy();
    expect(await documentState()).toEqual(['original text']);
  });

  const malformed: [string, Uint8Array][] = [
    ['an unknown message type', Uint8Array.from([77, 1, 2, 3])],
    ['a bad varint', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
    ['an unknown sync step', Uint8Array.from([0, 9, 0])],
    ['a truncated sync message', Uint8Array.from([0, 2, 50, 1, 2])],
    [
      'a truncated update',
      (() => {
        const doc = new Y.Doc();
        appendParagraph(doc, 'this update gets cut short');
        const update = Y.encodeStateAsUpdate(doc);
        return syncUpdateMessage(update.slice(0, update.length - 7));
      })(),
    ],
    ['garbage awareness', Uint8Array.from([1, 5, 1, 200, 1, 3, 0x7b, 0x7b, 0x7b])],
    ['an empty message', new Uint8Array(0)],
  ];

  for (const [name, bytes] of malformed) {
    it(`closes on ${name} with MALFORMED_MESSAGE`, async () => {
      const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
      raw.socket.send(bytes);
      expect((await raw.closed).code).toBe(CloseCode.MALFORMED_MESSAGE);
      expect(await documentState()).toEqual(['original text']);
    });
  }

  it('closes on a text frame', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    raw.socket.send('hello');
    expect((await raw.closed).code).toBe(CloseCode.MALFORMED_MESSAGE);
  });

  it('closes on an oversized message with MESSAGE_TOO_LARGE', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    const doc = new Y.Doc();
    appendParagraph(doc, 'x'.repeat(MAX_PAYLOAD + 10));
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CloseCode.MESSAGE_TOO_LARGE);
    expect(await documentState()).toEqual(['original text']);
  });

  it('closes when the document would exceed its size limit with DOCUMENT_TOO_LARGE', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    let closed: { code: number } | null = null;
    void raw.closed.then((c) => (closed = c));
    const doc = new Y.Doc();
    for (let i = 0; i < 6 && !closed; i++) {
      const before = Y.encodeStateVector(doc);
      appendParagraph(doc, `${i}`.repeat(60 * 1024));
      raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc, before)));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await raw.closed).code).toBe(CloseCode.DOCUMENT_TOO_LARGE);
  });

  it('closes a connection that floods messages with RATE_LIMITED', async () => {
    const raw = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    const queryAwareness = Uint8Array.from([MessageType.QUERY_AWARENESS]);
    for (let i = 0; i < MAX_RATE * 3; i++) raw.socket.send(queryAwareness);
    expect((await raw.closed).code).toBe(CloseCode.RATE_LIMITED);
  });

  it('keeps the server running after all of that', async () => {
    const health = await owner.request('GET', '/api/health');
    expect(health.status).toBe(200);
  });
});

describe('limits and access changes on open connections', () => {
  it('closes connections beyond the per-user limit with TOO_MANY_CONNECTIONS', async () => {
    const sockets = [];
    for (let i = 0; i < MAX_PER_USER; i++)
      sockets.push(await openRawSocket(server.wsUrl, member.cookie, documentId));
    const extra = await openRawSocket(server.wsUrl, member.cookie, documentId);
    expect((await extra.closed).code).toBe(CloseCode.TOO_MANY_CONNECTIONS);
    for (const s of sockets) s.socket.close();
    await Promise.all(sockets.map((s) => s.closed));
  });

  it('makes an open connection read-only when its role drops to reviewer, and closes it when removed', async () => {
    const provider = openProvider(server.wsUrl, member.cookie, documentId);
    await whenSynced(provider);
    const me = await member.request('GET', '/api/auth/me');
    const userId = me.body.user.id;
    const demoted = await owner.request('PATCH', `/api/documents/${documentId}/members/${userId}`, {
      role: 'reviewer',
    });
    expect(demoted.status).toBe(200);
    appendParagraph(provider.doc, 'written after demotion');
    await new Promise((r) => setTimeout(r, 300));
    expect(await documentState()).not.toContain('written after demotion');

    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );
    const removed = await owner.request('DELETE', `/api/documents/${documentId}/members/${userId}`);
    expect(removed.status).toBe(204);
    expect(await closed).toBe(CloseCode.FORBIDDEN);
    provider.destroy();
    await expectRefused(openRawSocket(server.wsUrl, member.cookie, documentId), 404);
  });

  it('closes the sockets of a user who signs out', async () => {
    const provider = openProvider(server.wsUrl, owner.cookie, documentId);
    await whenSynced(provider);
    const closed = new Promise<number>((resolve) =>
      provider.on('connection-close', (event: { code: number } | null) => event && resolve(event.code)),
    );
    const cookie = owner.cookie;
    const out = await owner.request('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(await closed).toBe(CloseCode.UNAUTHENTICATED);
    provider.destroy();
    await expectRefused(openRawSocket(server.wsUrl, cookie, documentId), 401);
  });
});

describe('awareness', () => {
  it('refuses awareness updates for a client id other than the one the connection announced', async () => {
    const api = new ApiClient(server.url);
    await newUser(api);
    const doc = (await api.request('POST', '/api/documents', { title: 'Awareness' })).body.document
      .id as string;
    const watcher = openProvider(server.wsUrl, api.cookie, doc);
    await whenSynced(watcher);
    const raw = await openRawSocket(server.wsUrl, api.cookie, doc);
    const announce = (clientId: number, name: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.AWARENESS);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, JSON.stringify({ user: { name } }));
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
      raw.socket.send(encoding.toUint8Array(encoder));
    };
    announce(111, 'first');
    await waitFor(() => watcher.awareness.getStates().has(111), 'bound client id visible');
    announce(222, 'impostor');
    announce(watcher.doc.clientID, 'hijack');
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.awareness.getStates().has(222)).toBe(false);
    const own = watcher.awareness.getStates().get(watcher.doc.clientID) as
      { user?: { name?: string } } | undefined;
    expect(own?.user?.name).not.toBe('hijack');
    raw.socket.close();
    watcher.destroy();
  });
});
