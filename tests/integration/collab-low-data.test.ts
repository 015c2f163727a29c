import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { appendParagraph, openProvider, paragraphs, waitFor, whenSynced } from '../helpers/collab.js';

/**
 * Low-data mode (issue 18): a client that connects with `lowData=1` hears who is in the document
 * under which name, not where their carets are, nor the renewal every client sends every 15 s.
 * Stock y-websocket clients, real server and database.
 */
let server: TestServer;
let owner: ApiClient;
let drafter: ApiClient;
let observer: ApiClient;
let documentId: string;
let ownerName: string;
const providers: WebsocketProvider[] = [];

type Received = { clientId: number; state: Record<string, unknown> | null }[];

/** Opens a stock client and records every awareness entry it receives. */
function open(api: ApiClient, params: Record<string, string> = {}) {
  const provider = openProvider(server.wsUrl, api.cookie, documentId, new Y.Doc(), { params });
  providers.push(provider);
  const received: Received = [];
  const handle = provider.messageHandlers[1]!;
  provider.messageHandlers[1] = (encoder, decoder, p, emitSynced, type) => {
    const copy = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
    const update = decoding.createDecoder(decoding.readVarUint8Array(copy));
    const count = decoding.readVarUint(update);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      decoding.readVarUint(update);
      received.push({ clientId, state: JSON.parse(decoding.readVarString(update)) });
    }
    handle(encoder, decoder, p, emitSynced, type);
  };
  return { provider, received };
}

beforeAll(async () => {
  server = await startServer();
  owner = new ApiClient(server.url);
  drafter = new ApiClient(server.url);
  observer = new ApiClient(server.url);
  await newUser(owner);
  const d = await newUser(drafter);
  const o = await newUser(observer);
  documentId = (await owner.request('POST', '/api/documents', { title: 'Low data' })).body.document.id;
  await addMember(owner, documentId, d, 'drafter');
  await addMember(owner, documentId, o, 'observer');
  ownerName = (await owner.request('GET', '/api/auth/me')).body.user.name;
});

afterAll(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server?.stop();
});

describe('low-data mode: names without carets', () => {
  it('tells a low-data client who arrives and leaves, not where carets move nor renewals', async () => {
    const a = open(owner);
    const full = open(observer);
    const low = open(drafter, { lowData: '1' });
    await Promise.all([whenSynced(a.provider), whenSynced(full.provider), whenSynced(low.provider)]);
    const id = a.provider.awareness.clientID;
    a.provider.awareness.setLocalStateField('user', { name: 'claimed' });
    const lowState = () =>
      low.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined;
    await waitFor(() => lowState()?.user?.name === ownerName, 'the name at the low-data client');
    const heardOfA = () => low.received.filter((e) => e.clientId === id).length;
    const before = heardOfA();

    for (let i = 1; i <= 10; i++) a.provider.awareness.setLocalStateField('cursor', { anchor: i, head: i });
    // a renewal: the same state again (what every client sends every 15 s)
    a.provider.awareness.setLocalState(a.provider.awareness.getLocalState());
    const fullCursor = () =>
      (full.provider.awareness.getStates().get(id) as { cursor?: { anchor: number } } | undefined)?.cursor
        ?.anchor;
    await waitFor(() => fullCursor() === 10, 'the caret at the full client');
    // the full client heard every move; later traffic to the low-data client would have arrived by now
    const marker = open(observer);
    await whenSynced(marker.provider);
    const markerId = marker.provider.awareness.clientID;
    marker.provider.awareness.setLocalStateField('user', { name: 'x' });
    await waitFor(
      () => low.provider.awareness.getStates().has(markerId),
      'a newcomer at the low-data client',
    );

    expect(heardOfA()).toBe(before);
    expect(lowState()).toEqual({ user: expect.objectContaining({ name: ownerName }) });
    expect(full.received.filter((e) => e.clientId === id).length).toBeGreaterThanOrEqual(before + 10);

    // a newcomer in low-data mode is told who is here, without carets
    const late = open(drafter, { lowData: '1' });
    await whenSynced(late.provider);
    await waitFor(
      () => late.provider.awareness.getStates().has(id),
      'who is here, at a late low-data client',
    );
    expect(late.provider.awareness.getStates().get(id)).not.toHaveProperty('cursor');

    // leaving is told at once
    a.provider.destroy();
    await waitFor(() => !low.provider.awareness.getStates().has(id), 'the removal at the low-data client');
    expect(low.received.filter((e) => e.clientId === id).at(-1)?.state).toBeNull();
    for (const p of providers.splice(0)) p.destroy();
  });

  it('compresses what a low-data client is sent (permessage-deflate), and only for it', async () => {
    const writer = open(owner);
    await whenSynced(writer.provider);
    for (let i = 0; i < 60; i++)
      appendParagraph(writer.provider.doc, `Article ${i}. States shall guarantee access to justice for all.`);
    // stored, so that the two readers below are sent the same first sync
    const plain = open(observer);
    await waitFor(() => paragraphs(plain.provider.doc).length >= 60, 'the text at the plain reader');
    const low = open(drafter, { lowData: '1' });
    await waitFor(() => paragraphs(low.provider.doc).length >= 60, 'the text at the low-data reader');
    const socketOf = (p: WebsocketProvider) =>
      p.ws as unknown as { extensions: string; _socket: { bytesRead: number } };
    expect(socketOf(low.provider).extensions).toContain('permessage-deflate');
    expect(socketOf(plain.provider).extensions).toBe('');
    expect(socketOf(low.provider)._socket.bytesRead).toBeLessThan(
      socketOf(plain.provider)._socket.bytesRead / 2,
    );
    expect(paragraphs(low.provider.doc)).toEqual(paragraphs(plain.provider.doc));
    for (const p of providers.splice(0)) p.destroy();
  });

  it('a low-data client still edits and receives text like any other', async () => {
    const a = open(owner);
    const low = open(drafter, { lowData: '1' });
    await Promise.all([whenSynced(a.provider), whenSynced(low.provider)]);
    appendParagraph(a.provider.doc, 'from a');
    appendParagraph(low.provider.doc, 'from low');
    await waitFor(
      () =>
        [a, low].every(({ provider }) =>
          ['from a', 'from low'].every((text) => paragraphs(provider.doc).includes(text)),
        ),
      'convergence',
    );
    expect(paragraphs(low.provider.doc)).toEqual(paragraphs(a.provider.doc));
    for (const p of providers.splice(0)) p.destroy();
  });
});
