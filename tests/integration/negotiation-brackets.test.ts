import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, MessageType } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { openRawSocket, waitFor } from '../helpers/collab.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/**
 * Bracketed text through stock y-websocket clients and the real server: a drafter's bracketed
 * wording (an alternative labelled "Option A") reaches a reviewer's client and every export; an
 * update carrying a bracket label the schema refuses closes that connection with INVALID_DOCUMENT
 * before anyone gets it.
 */
let server: TestServer;
let fx: CommentsFixture;
const providers: WebsocketProvider[] = [];
const A1 = clauseId();

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  const writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  providers.push(writer);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Access', paragraphs: ['Each Party shall guarantee access.'] },
  ]);
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server?.stop();
});

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('bracketed text', () => {
  it('reaches other clients and every export', async () => {
    const [writer] = providers as [WebsocketProvider];
    const reader = await openSynced(server.wsUrl, fx.reviewer, fx.documentId);
    providers.push(reader);
    const text = paragraphText(writer.doc, A1);
    const at = text.toString().indexOf('guarantee');
    text.format(at, 'guarantee'.length, { bracketed: { option: 'Option A' } });

    const seen = paragraphText(reader.doc, A1);
    await waitFor(
      () =>
        seen
          .toDelta()
          .some(
            (d: { insert: unknown; attributes?: { bracketed?: { option?: string } } }) =>
              d.insert === 'guarantee' && d.attributes?.bracketed?.option === 'Option A',
          ),
      'the reviewer to see the brackets',
    );

    const exported = async (format: string) => {
      const res = await fx.observer.api.request(
        'GET',
        `/api/documents/${fx.documentId}/export?format=${format}`,
      );
      expect(res.status).toBe(200);
      return String(res.body);
    };
    expect((await exported('md')).replace(/\\([[\]])/g, '$1')).toContain(
      'Each Party shall [Option A: guarantee] access.',
    );
    expect((await exported('html')).replace(/<[^>]+>/g, '')).toContain(
      'Each Party shall [Option A: guarantee] access.',
    );
    expect(await exported('akn')).toContain(
      '<inline name="bracketed" title="Option A">[Option A: guarantee]</inline>',
    );
  });

  it('closes a connection whose update carries a label the schema refuses, before anyone gets it', async () => {
    const raw = await openRawSocket(server.wsUrl, fx.drafter.api.cookie, fx.documentId);
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    doc.getXmlFragment('default').insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'poison', { bracketed: { option: 'Option [Z]' } });
    raw.socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CloseCode.INVALID_DOCUMENT);
    const reader = await openSynced(server.wsUrl, fx.observer, fx.documentId);
    providers.push(reader);
    expect(reader.doc.getXmlFragment('default').toString()).not.toContain('poison');
  });
});
