import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ACCORD_PROTOCOL_VERSION, MessageType, encodeHello, readEvent } from '@accord/shared';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { openProvider, openRawSocket, waitFor, whenSynced } from '../helpers/collab.js';

let server: TestServer;
let owner: ApiClient;
let drafter: ApiClient;
let drafterId: string;
let documentId: string;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  owner = new ApiClient(server.url);
  drafter = new ApiClient(server.url);
  await newUser(owner);
  const d = await newUser(drafter);
  drafterId = d.id;
  documentId = (await owner.request('POST', '/api/documents', { title: 'First name' })).body.document.id;
  await addMember(owner, documentId, d, 'drafter');
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server?.stop();
});

function titleText(doc: Y.Doc): string {
  const first = doc.getXmlFragment('default').get(0);
  if (!(first instanceof Y.XmlElement) || first.nodeName !== 'title') return '';
  return first
    .toArray()
    .map((t) => (t instanceof Y.XmlText ? t.toString() : ''))
    .join('');
}

describe('one title: the document name and the title in its text', () => {
  it('writes a rename through the API into the open documents', async () => {
    const provider = openProvider(server.wsUrl, drafter.cookie, documentId);
    providers.push(provider);
    await whenSynced(provider);
    const renamed = await owner.request('PATCH', `/api/documents/${documentId}`, { title: 'Second name' });
    expect(renamed.status).toBe(200);
    await waitFor(() => titleText(provider.doc) === 'Second name', 'title in the text');
  });

  it('renames the document when a drafter retypes the title in the text', async () => {
    const provider = providers[0]!;
    const title = provider.doc.getXmlFragment('default').get(0) as Y.XmlElement;
    const text = title.get(0) as Y.XmlText;
    provider.doc.transact(() => {
      text.delete(0, text.length);
      text.insert(0, 'Typed in the editor');
    });
    await waitFor(
      async () =>
        (await owner.request('GET', `/api/documents/${documentId}`)).body.document.title ===
        'Typed in the editor',
      'document name follows the text',
    );
  });

  it('renames a document nobody has open, through its stored state', async () => {
    const other = (await owner.request('POST', '/api/documents', { title: 'Closed' })).body.document
      .id as string;
    expect(
      (await owner.request('PATCH', `/api/documents/${other}`, { title: 'Closed, renamed' })).status,
    ).toBe(200);
    const provider = openProvider(server.wsUrl, owner.cookie, other);
    providers.push(provider);
    await whenSynced(provider);
    await waitFor(() => titleText(provider.doc) === 'Closed, renamed', 'stored title');
  });
});

describe('membership events on the collaboration socket', () => {
  it("tells a member's open page about a role change, and only Accord clients", async () => {
    const raw = await openRawSocket(server.wsUrl, drafter.cookie, documentId);
    raw.socket.send(encodeHello(ACCORD_PROTOCOL_VERSION));
    const stock = await openRawSocket(server.wsUrl, owner.cookie, documentId);
    await new Promise((r) => setTimeout(r, 100));
    const changed = await owner.request('PATCH', `/api/documents/${documentId}/members/${drafterId}`, {
      role: 'reviewer',
    });
    expect(changed.status).toBe(200);
    const eventOf = (m: Uint8Array) => {
      const decoder = decoding.createDecoder(m);
      return decoding.readVarUint(decoder) === MessageType.ACCORD_EVENT ? readEvent(decoder) : null;
    };
    await waitFor(() => raw.messages.some((m) => eventOf(m) !== null), 'member event');
    const event = raw.messages.map(eventOf).find(Boolean);
    expect(event).toEqual({ type: 'member.changed', documentId, userId: drafterId, role: 'reviewer' });
    expect(stock.messages.some((m) => eventOf(m) !== null)).toBe(false);
    raw.socket.close();
    stock.socket.close();
  });
});
