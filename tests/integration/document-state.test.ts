import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { rawGet } from '../helpers/rawHttp.js';
import { appendParagraph, openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { createDocumentWithMembers } from '../helpers/documents.js';

/**
 * Issue 18: GET /api/documents/:id/state gives an editor tab with no saved copy the document's
 * whole Yjs state, compressed, before it connects the socket; it is the live state (what a stock
 * y-websocket client syncs), for members only, and refuses bad parameters. Raw HTTP: fetch would
 * decompress silently.
 */
let server: TestServer;
let coordinator: NewUser;
let observer: NewUser;
let outsider: NewUser;
let documentId = '';
const providers: WebsocketProvider[] = [];

const statePath = (id: string, query = `schema=${SCHEMA_VERSION}`) => `/api/documents/${id}/state?${query}`;
const paragraphs = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

beforeAll(async () => {
  server = await startServer();
  const named = (name: string) => newUser(new ApiClient(server.url), { name });
  [coordinator, observer, outsider] = await Promise.all([
    named('State Coordinator'),
    named('State Observer'),
    named('State Outsider'),
  ]);
  documentId = await createDocumentWithMembers(coordinator, { title: 'State agreement', kind: 'other' }, [
    [observer, 'observer'],
  ]);
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.stop();
});

describe('GET /api/documents/:id/state', () => {
  it('is the live state a stock client syncs, compressed with brotli or gzip to the same bytes', async () => {
    const writer = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    providers.push(writer);
    await whenSynced(writer);
    for (let i = 0; i < 40; i++) {
      appendParagraph(
        writer.doc,
        `Article ${i}: each Party shall guarantee access to justice for everyone, ${i}.`,
      );
    }
    const reader = openProvider(server.wsUrl, observer.api.cookie, documentId);
    providers.push(reader);
    await whenSynced(reader);
    await waitFor(
      () => paragraphs(reader.doc) === paragraphs(writer.doc),
      'the reader to have every paragraph',
    );

    const plain = await rawGet(server.url + statePath(documentId), { cookie: observer.api.cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('application/vnd.yjs.update');
    expect(plain.headers['cache-control']).toBe('private, no-store');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const fromHttp = new Y.Doc();
    Y.applyUpdate(fromHttp, plain.body);
    expect(paragraphs(fromHttp)).toBe(paragraphs(reader.doc));
    // nothing the stock client has is missing from it, and it has nothing the client lacks
    expect(Y.encodeStateVector(fromHttp)).toEqual(Y.encodeStateVector(reader.doc));

    for (const [accept, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const raw = await rawGet(server.url + statePath(documentId), {
        cookie: observer.api.cookie,
        'accept-encoding': accept,
      });
      expect(raw.status).toBe(200);
      expect(raw.headers['content-encoding']).toBe(accept);
      expect(String(raw.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(decode(raw.body).equals(plain.body)).toBe(true);
      expect(raw.body.length).toBeLessThan(plain.body.length / 2);
    }
  });

  it('answers members only: 401 signed out, 404 for a non-member or an unknown document', async () => {
    expect((await rawGet(server.url + statePath(documentId), {})).status).toBe(401);
    const stranger = await rawGet(server.url + statePath(documentId), { cookie: outsider.api.cookie });
    expect(stranger.status).toBe(404);
    expect(JSON.parse(stranger.body.toString()).error.code).toBe('not_found');
    const unknown = await rawGet(server.url + statePath('0123456789abcdef01234567'), {
      cookie: coordinator.api.cookie,
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses an unsupported schema version, a missing one and extra parameters with 400', async () => {
    for (const query of ['schema=999', 'schema=two', '', `schema=${SCHEMA_VERSION}&full=1`]) {
      const res = await rawGet(server.url + statePath(documentId, query), { cookie: coordinator.api.cookie });
      expect(res.status, query).toBe(400);
      expect(JSON.parse(res.body.toString()).error.code, query).toBe('validation_failed');
    }
    const bad = await rawGet(server.url + '/api/documents/not-an-id/state?schema=2', {
      cookie: coordinator.api.cookie,
    });
    expect(bad.status).toBe(400);
  });
});
