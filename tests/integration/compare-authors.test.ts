import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import {
  articleElement,
  clauseId,
  findArticle,
  paragraphId,
  paragraphText,
} from '../helpers/commentsFixture.js';

// Issue 13, item 1: Accord knows who wrote every character, so a comparison of versions says who
// made each clause's changes: who wrote what is new and who deleted what went.

let server: TestServer;
let owner: NewUser;
let ana: NewUser;
let bea: NewUser;
let observer: NewUser;
const providers: WebsocketProvider[] = [];

function open(user: NewUser, documentId: string): WebsocketProvider {
  const provider = openProvider(server.wsUrl, user.api.cookie, documentId);
  providers.push(provider);
  return provider;
}

async function served(documentId: string): Promise<string> {
  const provider = openProvider(server.wsUrl, owner.api.cookie, documentId);
  try {
    await whenSynced(provider);
    return JSON.stringify(provider.doc.getXmlFragment('default').toJSON());
  } finally {
    provider.destroy();
  }
}

interface Authors {
  authors: { kind: string; name: string | null; organisation: { name: string } | null }[];
  clauses: Record<string, { wrote: number[]; deleted: number[] }>;
}

/** Each clause's writers and deleters by name, as GET /compare tells `user`. */
async function changedBy(user: NewUser, documentId: string, from: number | 'live', to: number | 'live') {
  const answer = await user.api.request('GET', `/api/documents/${documentId}/compare?from=${from}&to=${to}`);
  expect(answer.status).toBe(200);
  const authors = answer.body.authors as Authors | null;
  if (authors === null) return null;
  const names = (list: number[]) => list.map((i) => authors.authors[i]!.name).sort();
  return Object.fromEntries(
    Object.entries(authors.clauses).map(([id, c]) => [
      id,
      { wrote: names(c.wrote), deleted: names(c.deleted) },
    ]),
  );
}

const sorted = (value: unknown) =>
  value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort()) : value;

async function freeze(documentId: string, name: string): Promise<number> {
  const frozen = await owner.api.request('POST', `/api/documents/${documentId}/versions`, { name });
  expect(frozen.status).toBe(201);
  return frozen.body.version.number as number;
}

beforeAll(async () => {
  server = await startServer();
  const user = (name: string, org: string) =>
    newUser(new ApiClient(server.url), {
      name,
      organisation: { name: org, kind: 'civil_society', country: 'CO' },
    });
  [owner, ana, bea, observer] = await Promise.all([
    user('Olivia Owner', 'Justicia Abierta'),
    user('Ana Quispe', 'Red de Paralegales'),
    user('Bea Mensah', 'Legal Aid Ghana'),
    user('Omar Observer', 'Ministry of Justice'),
  ]);
});

afterAll(async () => {
  for (const p of providers.splice(0)) p.destroy();
  await server?.stop();
});

describe('who made the changes in a comparison of versions', () => {
  it('names who wrote and who deleted in each clause, between versions and up to the live text', async () => {
    const created = await owner.api.request('POST', '/api/documents', { title: 'Compared' });
    expect(created.status).toBe(201);
    const documentId = created.body.document.id as string;
    await addMember(owner.api, documentId, ana, 'drafter');
    await addMember(owner.api, documentId, bea, 'drafter');
    await addMember(owner.api, documentId, observer, 'observer');

    const [first, second, third] = [clauseId(), clauseId(), clauseId()];
    const o = open(owner, documentId);
    await whenSynced(o);
    o.doc.getXmlFragment('default').push([
      articleElement({ id: first, heading: 'Purpose', paragraphs: ['States shall provide legal aid.'] }),
      articleElement({
        id: second,
        heading: 'Remedies',
        paragraphs: ['Remedies shall be prompt and free.'],
      }),
      articleElement({ id: third, heading: 'Reports', paragraphs: ['Parties shall report every year.'] }),
    ]);
    await waitFor(async () => (await served(documentId)).includes('every year'), 'the articles stored');
    const v1 = await freeze(documentId, 'First reading');

    // Ana adds words to the first article; Bea deletes a word of the second and the third article
    const a = open(ana, documentId);
    const b = open(bea, documentId);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    await waitFor(
      () => findArticle(a.doc, first) !== undefined && findArticle(b.doc, third) !== undefined,
      'synced',
    );
    paragraphText(a.doc, first).insert(30, ' to everyone');
    paragraphText(b.doc, second).delete(25, 4); // "and " of "prompt and free"
    const fragment = b.doc.getXmlFragment('default');
    const index = fragment
      .toArray()
      .findIndex((el) => el instanceof Y.XmlElement && el.getAttribute('clauseId') === third);
    fragment.delete(index, 1);
    await waitFor(async () => {
      const text = await served(documentId);
      return (
        text.includes('to everyone') && !text.includes('prompt and free') && !text.includes('every year')
      );
    }, 'the edits stored');
    for (const p of providers.splice(0)) p.destroy();

    // by the innermost clause: the articles' numbered paragraphs, and the deleted article with its
    // paragraph (the comparison lists both as removed)
    const expected = {
      [paragraphId(first, 0)]: { wrote: ['Ana Quispe'], deleted: [] },
      [paragraphId(second, 0)]: { wrote: [], deleted: ['Bea Mensah'] },
      [third]: { wrote: [], deleted: ['Bea Mensah'] },
      [paragraphId(third, 0)]: { wrote: [], deleted: ['Bea Mensah'] },
    };
    // deletions are recorded with the stored updates: the answer settles once they are
    let live: unknown = null;
    await waitFor(async () => {
      live = await changedBy(observer, documentId, v1, 'live');
      return JSON.stringify(sorted(live)) === JSON.stringify(sorted(expected));
    }, 'the changes attributed').catch((error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(live)}`);
    });

    const v2 = await freeze(documentId, 'Second reading');
    expect(await changedBy(observer, documentId, v1, v2)).toEqual(expected);
    // nothing changed since the second version; backwards in time there are no authors
    expect(await changedBy(observer, documentId, v2, 'live')).toEqual({});
    expect(await changedBy(observer, documentId, v2, v1)).toBeNull();

    // names come with organisations, for readers only
    const answer = await observer.api.request(
      'GET',
      `/api/documents/${documentId}/compare?from=${v1}&to=${v2}`,
    );
    const authors = answer.body.authors as Authors;
    expect(authors.authors.find((x) => x.name === 'Ana Quispe')?.organisation?.name).toBe(
      'Red de Paralegales',
    );
    const outsider = await newUser(new ApiClient(server.url), { name: 'Otto Outsider' });
    expect(
      (await outsider.api.request('GET', `/api/documents/${documentId}/compare?from=${v1}&to=${v2}`)).status,
    ).toBe(404);
  });
});
