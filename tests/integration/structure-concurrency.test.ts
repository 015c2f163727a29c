import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  computeNumbering,
  fragmentToJson,
  importMarkdown,
  newClauseId,
  structuralNodesInJson,
} from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { addMember } from '../helpers/members.js';

/**
 * Two real y-websocket clients edit the structure at the same time (both offline, then both
 * reconnect, so neither sees the other's edit first): inserts around each other, moves, splits.
 * After convergence the server's /outline numbering equals each client's own numbering, every
 * clause id is unique, and untouched clauses keep their ids.
 */
let server: TestServer;
let coordinator: NewUser;
let alice: NewUser;
let bob: NewUser;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  const users = await Promise.all(Array.from({ length: 3 }, () => newUser(new ApiClient(server.url))));
  [coordinator, alice, bob] = users as [NewUser, NewUser, NewUser];
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server?.stop();
});

interface Session {
  documentId: string;
  a: WebsocketProvider;
  b: WebsocketProvider;
  /** clause id → the clause's text at the start */
  initial: Map<string, string>;
}

async function session(articles = 6): Promise<Session> {
  const lines = ['# Concurrency'];
  for (let n = 1; n <= articles; n++) {
    lines.push(
      '',
      `Article ${n} — Heading ${n}`,
      '',
      `1. First paragraph of article ${n}.`,
      `2. Second paragraph of article ${n}.`,
    );
  }
  const res = await coordinator.api.request('POST', '/api/documents', {
    title: 'Concurrency',
    kind: 'agreement',
    content: importMarkdown(lines.join('\n')).json,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const documentId = res.body.document.id as string;
  for (const user of [alice, bob]) {
    await addMember(coordinator.api, documentId, user, 'drafter');
  }
  const a = openProvider(server.wsUrl, alice.api.cookie, documentId, new Y.Doc());
  const b = openProvider(server.wsUrl, bob.api.cookie, documentId, new Y.Doc());
  providers.push(a, b);
  await Promise.all([whenSynced(a), whenSynced(b)]);
  return { documentId, a, b, initial: clauseTexts(a.doc) };
}

/** Every clause's id → its own text (first paragraph), in document order. */
function clauseTexts(doc: Y.Doc): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { node } of structuralNodesInJson(fragmentToJson(doc))) {
    const text = JSON.stringify(
      node.content?.filter((c) => c.type === 'clauseHeading' || c.type === 'paragraph').slice(0, 1),
    );
    texts.set(String(node.attrs?.clauseId), text);
  }
  return texts;
}

const articlesOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article');
const articleById = (doc: Y.Doc, id: string) =>
  articlesOf(doc).find((n) => n.getAttribute('clauseId') === id)!;
const indexOf = (doc: Y.Doc, element: Y.XmlElement) =>
  doc.getXmlFragment('default').toArray().indexOf(element);

function newArticle(heading: string, text: string, clauseId = newClauseId()): Y.XmlElement {
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', clauseId);
  const h = new Y.XmlElement('clauseHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  article.insert(0, [h, numberedParagraph(newClauseId(), text)]);
  return article;
}

function numberedParagraph(clauseId: string, text: string): Y.XmlElement {
  const numbered = new Y.XmlElement('numberedParagraph');
  numbered.setAttribute('clauseId', clauseId);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  numbered.insert(0, [paragraph]);
  return numbered;
}

/** Moves an article as the editor's moveClause does: delete and re-insert the same content (same ids). */
function moveArticle(doc: Y.Doc, id: string, toIndex: number): void {
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    const element = articleById(doc, id);
    const copy = element.clone();
    const from = indexOf(doc, element);
    fragment.delete(from, 1);
    fragment.insert(Math.min(toIndex, fragment.length), [copy]);
  });
}

/** Splits a numbered paragraph at `offset` as Enter does: the first half keeps the id, the second gets a new one. */
function splitParagraph(doc: Y.Doc, articleId: string, paragraphIndex: number, offset: number): string {
  const article = articleById(doc, articleId);
  const numbered = article
    .toArray()
    .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'numberedParagraph')[
    paragraphIndex
  ] as Y.XmlElement;
  const text = (numbered.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const tail = text.toString().slice(offset);
  const newId = newClauseId();
  doc.transact(() => {
    text.delete(offset, text.length - offset);
    article.insert(article.toArray().indexOf(numbered) + 1, [numberedParagraph(newId, tail)]);
  });
  return newId;
}

/** Runs both clients' edits offline, then reconnects them and waits for convergence (server included). */
async function concurrently(s: Session, edit: (a: Y.Doc, b: Y.Doc) => void): Promise<void> {
  s.a.disconnect();
  s.b.disconnect();
  edit(s.a.doc, s.b.doc);
  s.a.connect();
  s.b.connect();
  await waitFor(
    async () => {
      const ja = JSON.stringify(fragmentToJson(s.a.doc));
      if (ja !== JSON.stringify(fragmentToJson(s.b.doc))) return false;
      const ids = [...computeNumbering(fragmentToJson(s.a.doc), 'en').keys()];
      if (new Set(ids).size !== structuralNodesInJson(fragmentToJson(s.a.doc)).length) return false; // repair pending
      const res = await alice.api.request('GET', `/api/documents/${s.documentId}/outline`);
      return JSON.stringify(res.body.clauses.map((c: any) => c.clauseId)) === JSON.stringify(ids);
    },
    'convergence of both clients and the server',
    15_000,
  );
}

/** The checks every scenario ends with. */
async function expectConsistent(s: Session, touched: Set<string>): Promise<void> {
  // the coordinator's view: with the schema problems
  const res = await coordinator.api.request('GET', `/api/documents/${s.documentId}/outline`);
  const outline = res.body.clauses.map((c: any) => ({
    clauseId: c.clauseId,
    label: c.label,
    path: c.path,
    kind: c.kind,
  }));
  for (const doc of [s.a.doc, s.b.doc]) {
    const local = [...computeNumbering(fragmentToJson(doc), 'en')].map(([clauseId, n]) => ({
      clauseId,
      label: n.label,
      path: n.path,
      kind: n.kind,
    }));
    expect(outline).toEqual(local);
  }
  const ids = structuralNodesInJson(fragmentToJson(s.a.doc)).map(({ node }) => node.attrs?.clauseId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(res.body.problems).toEqual([]);
  const now = clauseTexts(s.a.doc);
  for (const [id, text] of s.initial) {
    if (touched.has(id)) continue;
    expect(now.get(id), `untouched clause ${id} kept its id and text`).toBe(text);
  }
}

describe('concurrent structural edits converge with one numbering', () => {
  it('two clients insert articles before and after each other', async () => {
    const s = await session();
    const [a1, a2, a3] = articlesOf(s.a.doc).map((n) => n.getAttribute('clauseId')!);
    const insertedA = newClauseId();
    const insertedB = newClauseId();
    await concurrently(s, (a, b) => {
      // Alice: a new article before article 2 and one at the very start; Bob: one after article 2
      // and one before article 2 too (same position as Alice's)
      const fa = a.getXmlFragment('default');
      const fb = b.getXmlFragment('default');
      const na = newArticle('Inserted by Alice', 'A.', insertedA);
      fa.insert(indexOf(a, articleById(a, a2!)), [na]);
      fa.insert(indexOf(a, articleById(a, a1!)), [newArticle('Alice first', 'A0.')]);
      const nb = newArticle('Inserted by Bob', 'B.', insertedB);
      fb.insert(indexOf(b, articleById(b, a2!)) + 1, [nb]);
      fb.insert(indexOf(b, articleById(b, a2!)), [newArticle('Bob before 2', 'B0.')]);
    });
    const order = articlesOf(s.a.doc).map((n) => n.getAttribute('clauseId'));
    expect(order).toHaveLength(10);
    expect(order).toContain(insertedA);
    expect(order.indexOf(insertedA)).toBeLessThan(order.indexOf(a2!));
    expect(order.indexOf(insertedB)).toBe(order.indexOf(a2!) + 1);
    expect(order.indexOf(a3!)).toBe(order.indexOf(insertedB) + 1);
    await expectConsistent(s, new Set());
  });

  it('two clients move articles at once, including the same article (one copy of it remains, with its ids)', async () => {
    const s = await session();
    const ids = articlesOf(s.a.doc).map((n) => n.getAttribute('clauseId')!);
    await concurrently(s, (a, b) => {
      moveArticle(a, ids[0]!, a.getXmlFragment('default').length); // article 1 to the end
      moveArticle(b, ids[4]!, 1); // article 5 to the front (after the title)
      moveArticle(a, ids[2]!, 1); // both move article 3 …
      moveArticle(b, ids[2]!, b.getXmlFragment('default').length); // … to different places
    });
    const order = articlesOf(s.a.doc).map((n) => n.getAttribute('clauseId')!);
    // both moves re-inserted article 3; the server keeps the copy that reached it first
    expect(order).toHaveLength(6);
    expect(order.filter((id) => id === ids[2])).toHaveLength(1);
    expect(order.indexOf(ids[0]!)).toBeGreaterThan(order.indexOf(ids[1]!));
    expect(order.indexOf(ids[4]!)).toBeLessThan(order.indexOf(ids[1]!));
    const outline = (await alice.api.request('GET', `/api/documents/${s.documentId}/outline`)).body.clauses;
    const byId = new Map(outline.map((c: any) => [c.clauseId, c]));
    expect((byId.get(ids[4]!) as any).heading).toBe('Heading 5');
    // nothing was duplicated: every clause, article 3's paragraphs included, keeps its id and text
    expect(clauseTexts(s.a.doc).get(ids[2]!)).toBe(s.initial.get(ids[2]!));
    await expectConsistent(s, new Set());
  });

  it('two clients split paragraphs at once (new ids for the new halves), also the same paragraph', async () => {
    const s = await session();
    const ids = articlesOf(s.a.doc).map((n) => n.getAttribute('clauseId')!);
    const paragraphIds = (doc: Y.Doc, articleId: string) =>
      articleById(doc, articleId)
        .toArray()
        .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'numberedParagraph')
        .map((n) => n.getAttribute('clauseId')!);
    const split1 = paragraphIds(s.a.doc, ids[1]!)[0]!;
    const split3 = paragraphIds(s.a.doc, ids[3]!)[1]!;
    const both = paragraphIds(s.a.doc, ids[5]!)[0]!;
    const created: string[] = [];
    await concurrently(s, (a, b) => {
      created.push(splitParagraph(a, ids[1]!, 0, 10));
      created.push(splitParagraph(b, ids[3]!, 1, 6));
      created.push(splitParagraph(a, ids[5]!, 0, 5));
      created.push(splitParagraph(b, ids[5]!, 0, 15));
    });
    const p1 = paragraphIds(s.a.doc, ids[1]!);
    expect(p1[0]).toBe(split1);
    expect(p1[1]).toBe(created[0]);
    expect(paragraphIds(s.a.doc, ids[3]!)).toEqual([expect.any(String), split3, created[1]]);
    const p5 = paragraphIds(s.a.doc, ids[5]!);
    expect(p5[0]).toBe(both);
    expect(p5).toHaveLength(4);
    expect(p5).toEqual(expect.arrayContaining([created[2], created[3]]));
    const outline = (await alice.api.request('GET', `/api/documents/${s.documentId}/outline`)).body.clauses;
    const article2Paragraphs = outline.filter((c: any) => c.parentId === ids[1]);
    expect(article2Paragraphs.map((c: any) => c.label)).toEqual(['1.', '2.', '3.']);
    await expectConsistent(s, new Set([split1, split3, both]));
  });
});
