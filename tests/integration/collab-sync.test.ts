import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MongoClient } from 'mongodb';
import { inject } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { appendParagraph, openProvider, paragraphs, waitFor, whenSynced } from '../helpers/collab.js';
import type { WebsocketProvider } from 'y-websocket';

let server: TestServer;
let owner: ApiClient;
let drafter: ApiClient;
let observer: ApiClient;
let documentId: string;
const providers: WebsocketProvider[] = [];

function open(api: ApiClient, doc = new Y.Doc()) {
  const provider = openProvider(server.wsUrl, api.cookie, documentId, doc);
  providers.push(provider);
  return provider;
}

function closeAll() {
  for (const p of providers.splice(0)) p.destroy();
}

beforeAll(async () => {
  server = await startServer();
  owner = new ApiClient(server.url);
  drafter = new ApiClient(server.url);
  observer = new ApiClient(server.url);
  const o = await newUser(owner);
  const d = await newUser(drafter);
  const r = await newUser(observer);
  const created = await owner.request('POST', '/api/documents', { title: 'Sync test' });
  documentId = created.body.document.id;
  await addMember(owner, documentId, d, 'drafter');
  await addMember(owner, documentId, r, 'observer');
  void o;
});

afterAll(async () => {
  closeAll();
  await server?.stop();
});

describe('real-time collaboration over the stock y-websocket client', () => {
  it('two writers converge, and a late joiner gets the full state', async () => {
    const a = open(owner);
    const b = open(drafter);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    for (let i = 0; i < 20; i++) {
      appendParagraph(a.doc, `a${i}`);
      appendParagraph(b.doc, `b${i}`);
    }
    await waitFor(() => paragraphs(a.doc).length === 40 && paragraphs(b.doc).length === 40, 'convergence');
    expect(paragraphs(a.doc)).toEqual(paragraphs(b.doc));

    const late = open(observer);
    await whenSynced(late);
    await waitFor(() => paragraphs(late.doc).length === 40, 'late joiner state');
    expect(paragraphs(late.doc)).toEqual(paragraphs(a.doc));
    closeAll();
  });

  it("drops a read-only member's changes: never applied, broadcast or stored", async () => {
    const writer = open(owner);
    const reader = open(observer);
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
    const before = paragraphs(writer.doc);
    appendParagraph(reader.doc, 'observer was here');
    appendParagraph(writer.doc, 'writer after observer');
    await waitFor(() => paragraphs(reader.doc).includes('writer after observer'), 'writer update at reader');
    expect(paragraphs(writer.doc)).toEqual([...before, 'writer after observer']);

    const fresh = open(drafter);
    await whenSynced(fresh);
    await waitFor(() => paragraphs(fresh.doc).length === before.length + 1, 'fresh state');
    expect(paragraphs(fresh.doc)).not.toContain('observer was here');
    closeAll();
  });

  it('shows the name from the session in awareness, whatever the client claims', async () => {
    const a = open(owner);
    const b = open(drafter);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    const me = await owner.request('GET', '/api/auth/me');
    a.awareness.setLocalStateField('user', { name: 'Somebody Else', color: '#000000' });
    await waitFor(() => b.awareness.getStates().get(a.doc.clientID) !== undefined, 'awareness of a at b');
    await waitFor(
      () =>
        (b.awareness.getStates().get(a.doc.clientID) as { user?: { name?: string } }).user?.name ===
        me.body.user.name,
      'session name in awareness',
    );
    const seen = b.awareness.getStates().get(a.doc.clientID) as { user: { name: string; color: string } };
    expect(seen.user.name).toBe(me.body.user.name);
    expect(seen.user.color).not.toBe('#000000');
    closeAll();
  });

  it('keeps the document across a server restart and stores it in doc_updates/doc_snapshots', async () => {
    const a = open(owner);
    await whenSynced(a);
    appendParagraph(a.doc, 'survives restart');
    const expected = paragraphs(a.doc);
    // a graceful stop flushes every room before exiting
    closeAll();
    await server.stop();
    server = await startServer({ dbName: server.dbName });
    owner.baseUrl = server.url;
    owner = await relogin(owner);
    const b = open(owner);
    await whenSynced(b);
    await waitFor(() => paragraphs(b.doc).length === expected.length, 'reloaded state');
    expect(paragraphs(b.doc)).toEqual(expected);

    const client = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
    try {
      const db = client.db();
      const stored =
        (await db.collection('doc_updates').countDocuments()) +
        (await db.collection('doc_snapshots').countDocuments());
      expect(stored).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
    closeAll();
  });
});

async function relogin(api: ApiClient): Promise<ApiClient> {
  // sessions are stored in the database, so the cookie still works against the new process
  const me = await api.request('GET', '/api/auth/me');
  expect(me.status).toBe(200);
  return api;
}
