import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { ACCORD_PROTOCOL_VERSION, MessageType, encodeHello, readEvent } from '@accord/shared';
import { ApiClient, newUser, type NewUser } from './api.js';
import { openProvider, openRawSocket, waitFor, whenSynced, type RawSocket } from './collab.js';
import { addMember } from './members.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fresh 12-character base62 clause id, as the editor makes them. */
export function clauseId(): string {
  return [...randomBytes(12)].map((b) => BASE62[b % 62]).join('');
}

export interface ArticleSpec {
  id: string;
  heading: string;
  /** one numbered paragraph per entry, each with its own clause id `${id}p${n}` */
  paragraphs: string[];
}

/** An article as Tiptap stores it in Yjs: heading, then numbered paragraphs holding paragraphs. */
export function articleElement(spec: ArticleSpec): Y.XmlElement {
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', spec.id);
  const heading = new Y.XmlElement('clauseHeading');
  heading.insert(0, [new Y.XmlText(spec.heading)]);
  const children: Y.XmlElement[] = [heading];
  spec.paragraphs.forEach((text, i) => {
    const numbered = new Y.XmlElement('numberedParagraph');
    numbered.setAttribute('clauseId', paragraphId(spec.id, i));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    numbered.insert(0, [paragraph]);
    children.push(numbered);
  });
  article.insert(0, children);
  return article;
}

export function paragraphId(articleId: string, index: number): string {
  return `${articleId.slice(0, 9)}p${index}`;
}

export function findArticle(doc: Y.Doc, id: string): Y.XmlElement | undefined {
  return doc
    .getXmlFragment('default')
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('clauseId') === id);
}

/** The Y.XmlText of an article's n-th numbered paragraph. */
export function paragraphText(doc: Y.Doc, articleId: string, n = 0): Y.XmlText {
  const article = findArticle(doc, articleId);
  if (!article) throw new Error(`no article ${articleId}`);
  const numbered = article.get(n + 1) as Y.XmlElement;
  return (numbered.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

export interface CommentsFixture {
  documentId: string;
  coordinator: NewUser;
  drafter: NewUser;
  reviewer: NewUser;
  reviewer2: NewUser;
  observer: NewUser;
}

/** A document with one member of every role, each from a different organisation and country. */
export async function createCommentsFixture(url: string): Promise<CommentsFixture> {
  const user = (name: string, org: string, country: string, kind = 'civil_society') =>
    newUser(new ApiClient(url), { name, organisation: { name: org, kind, country } });
  const [coordinator, drafter, reviewer, reviewer2, observer] = await Promise.all([
    user('Coral Coordinator', 'Justicia Abierta', 'AR'),
    user('Dario Drafter', 'Justicia Abierta', 'AR'),
    user('Rosa Reviewer', 'Paralegal Network', 'KE'),
    user('Ravi Reviewer', 'University of Lagos', 'NG', 'academic'),
    user('Olga Observer', 'Ministry of Justice', 'PT', 'public_institution'),
  ]);
  const created = await coordinator.api.request('POST', '/api/documents', {
    title: 'Access to Justice Agreement',
  });
  if (created.status !== 201) throw new Error(`document: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId = created.body.document.id as string;
  for (const [member, role] of [
    [drafter, 'drafter'],
    [reviewer, 'reviewer'],
    [reviewer2, 'reviewer'],
    [observer, 'observer'],
  ] as const) {
    await addMember(coordinator.api, documentId, member, role);
  }
  return { documentId, coordinator, drafter, reviewer, reviewer2, observer };
}

/** Opens a stock y-websocket client and waits until it is synced. */
export async function openSynced(
  wsUrl: string,
  user: NewUser,
  documentId: string,
  doc = new Y.Doc(),
): Promise<WebsocketProvider> {
  const provider = openProvider(wsUrl, user.api.cookie, documentId, doc);
  await whenSynced(provider);
  return provider;
}

/** Writes articles through a writer's client, and waits until the server has them. */
export async function writeArticles(
  wsUrl: string,
  provider: WebsocketProvider,
  user: NewUser,
  documentId: string,
  specs: ArticleSpec[],
): Promise<void> {
  const fragment = provider.doc.getXmlFragment('default');
  provider.doc.transact(() => fragment.insert(fragment.length, specs.map(articleElement)));
  const last = specs[specs.length - 1]!.id;
  await serverHas(wsUrl, user, documentId, (doc) => findArticle(doc, last) !== undefined);
}

/** Waits until a fresh client of the document sees `check` hold: the server has the state. */
export async function serverHas(
  wsUrl: string,
  user: NewUser,
  documentId: string,
  check: (doc: Y.Doc) => boolean,
): Promise<void> {
  const probe = openProvider(wsUrl, user.api.cookie, documentId, new Y.Doc());
  try {
    await whenSynced(probe);
    await waitFor(() => check(probe.doc), 'the server to have the edit');
  } finally {
    probe.destroy();
  }
}

export interface EventSocket {
  raw: RawSocket;
  /** ACCORD_EVENTs received so far */
  events: Array<{ at: number; event: any }>;
  close(): void;
}

/** A raw collaboration socket that says ACCORD_HELLO and collects the ACCORD_EVENTs it gets. */
export async function openEventSocket(
  wsUrl: string,
  user: NewUser,
  documentId: string,
): Promise<EventSocket> {
  const raw = await openRawSocket(wsUrl, user.api.cookie, documentId);
  const events: Array<{ at: number; event: any }> = [];
  raw.socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MessageType.ACCORD_EVENT) return;
    events.push({ at: Date.now(), event: readEvent(decoder) });
  });
  raw.socket.send(encodeHello(ACCORD_PROTOCOL_VERSION));
  // the hello is processed once the room is loaded; give it a moment
  await new Promise((r) => setTimeout(r, 200));
  return { raw, events, close: () => raw.socket.close() };
}
