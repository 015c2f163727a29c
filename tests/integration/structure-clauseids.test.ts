import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClauseId } from '@accord/shared';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';

let server: TestServer;
let a: ApiClient;
let b: ApiClient;
let documentId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  a = new ApiClient(server.url);
  b = new ApiClient(server.url);
  await newUser(a);
  const userB = await newUser(b);
  documentId = (await a.request('POST', '/api/documents', { title: 'Ids' })).body.document.id;
  await addMember(a, documentId, userB, 'drafter');
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server?.stop();
});

function article(clauseId: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement('article');
  element.setAttribute('clauseId', clauseId);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  element.insert(0, [paragraph]);
  return element;
}

function articleIds(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article')
    .map((n) => n.getAttribute('clauseId') as string);
}

describe('clause ids stay unique under concurrent edits', () => {
  it('repairs a duplicate created by two clients at once, deterministically, keeping the first', async () => {
    const pa = openProvider(server.wsUrl, a.cookie, documentId);
    const pb = openProvider(server.wsUrl, b.cookie, documentId);
    providers.push(pa, pb);
    await Promise.all([whenSynced(pa), whenSynced(pb)]);
    const kept = newClauseId();
    pa.doc.getXmlFragment('default').insert(0, [article(newClauseId(), 'untouched')]);
    await waitFor(() => articleIds(pb.doc).length === 1, 'first article at b');
    const untouched = articleIds(pb.doc)[0];

    // both paste an article carrying the same id, without seeing each other's paste first
    pa.disconnect();
    pb.disconnect();
    pa.doc.getXmlFragment('default').insert(1, [article(kept, 'pasted by a')]);
    pb.doc.getXmlFragment('default').insert(1, [article(kept, 'pasted by b')]);
    pa.connect();
    pb.connect();
    await waitFor(() => {
      const ids = articleIds(pa.doc);
      return ids.length === 3 && new Set(ids).size === 3 && articleIds(pb.doc).join() === ids.join();
    }, 'repaired, converged ids');
    const ids = articleIds(pa.doc);
    expect(ids[0]).toBe(untouched);
    expect(ids[1]).toBe(kept);
    expect(ids[2]).not.toBe(kept);
  });
});
