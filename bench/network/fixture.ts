/**
 * The network benchmark's people and document: an author (signs in through the browser), a
 * co-drafter (the second client of the keystroke measure) and three reviewers (the people present
 * in the idle measure), all members of one 50-article agreement written by a stock y-websocket
 * client (heading + 3 numbered paragraphs per article).
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { newClauseId } from '@accord/shared';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider, until } from '../lib/benchProvider.js';

export const ARTICLES = 50;
export const PASSWORD = 'correct horse battery';

export interface Person {
  api: BenchApi;
  email: string;
  name: string;
}

export interface NetworkFixture {
  documentId: string;
  title: string;
  author: Person;
  coDrafter: Person;
  reviewers: Person[];
}

export function article(a: number): Y.XmlElement {
  const element = new Y.XmlElement('article');
  element.setAttribute('clauseId', newClauseId());
  const heading = new Y.XmlElement('clauseHeading');
  heading.insert(0, [new Y.XmlText(`Provision ${a} on access to justice`)]);
  const children: Y.XmlElement[] = [heading];
  for (let p = 1; p <= 3; p++) {
    const numbered = new Y.XmlElement('numberedParagraph');
    numbered.setAttribute('clauseId', newClauseId());
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [
      new Y.XmlText(
        `States Parties shall guarantee, in article ${a} paragraph ${p}, that every person has effective access to ` +
          `justice, legal aid and community paralegal services without discrimination of any kind.`,
      ),
    ]);
    numbered.insert(0, [paragraph]);
    children.push(numbered);
  }
  element.insert(0, children);
  return element;
}

export async function createNetworkFixture(server: { url: string; wsUrl: string }): Promise<NetworkFixture> {
  const register = async (name: string): Promise<Person> => {
    const api = new BenchApi(server.url);
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
    await api.ok('POST', '/api/auth/register', { email, password: PASSWORD, name });
    return { api, email, name };
  };
  const author = await register('Ana Author');
  const coDrafter = await register('Dario Drafter');
  const reviewers = await Promise.all(['Rita', 'Rui', 'Rosa'].map((n) => register(`${n} Reviewer`)));
  const title = 'Regional Agreement on Access to Justice';
  const documentId = (await author.api.ok('POST', '/api/documents', { title, kind: 'other' })).document
    .id as string;
  for (const [person, role] of [
    [coDrafter, 'drafter'],
    ...reviewers.map((r) => [r, 'reviewer'] as const),
  ] as const) {
    const { invitation } = await author.api.ok('POST', `/api/documents/${documentId}/invitations`, {
      email: person.email,
      role,
    });
    await person.api.ok('POST', `/api/invitations/${invitation.id as string}/accept`);
  }
  const writer = openProvider(server.wsUrl, author.api.cookie, documentId);
  try {
    await until(() => writer.synced, 'writer sync', 60_000, 20);
    const fragment = writer.doc.getXmlFragment('default');
    writer.doc.transact(() =>
      fragment.insert(
        fragment.length,
        Array.from({ length: ARTICLES }, (_, i) => article(i + 1)),
      ),
    );
    const probe = openProvider(server.wsUrl, coDrafter.api.cookie, documentId);
    await until(
      () =>
        probe.synced &&
        probe.doc
          .getXmlFragment('default')
          .toArray()
          .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'article').length >= ARTICLES,
      'the server to have the text',
      60_000,
      20,
    );
    probe.destroy();
  } finally {
    writer.destroy();
  }
  return { documentId, title, author, coDrafter, reviewers };
}
