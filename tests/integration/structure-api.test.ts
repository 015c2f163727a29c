import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { MongoClient, ObjectId } from 'mongodb';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import {
  Limits,
  computeNumbering,
  fragmentToJson,
  importMarkdown,
  newClauseId,
  renderCanonical,
  templates,
  validateDocument,
} from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { createDocumentWithMembers } from '../helpers/documents.js';

/** Templates seed new documents; GET /outline and /content render the live structure for every role. */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let observer: NewUser;
let outsider: NewUser;
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  const users = await Promise.all(Array.from({ length: 5 }, () => newUser(new ApiClient(server.url))));
  [coordinator, drafter, reviewer, observer, outsider] = users as [
    NewUser,
    NewUser,
    NewUser,
    NewUser,
    NewUser,
  ];
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server?.stop();
});

function createDocument(body: Record<string, unknown>): Promise<string> {
  return createDocumentWithMembers(coordinator, body, [
    [drafter, 'drafter'],
    [reviewer, 'reviewer'],
    [observer, 'observer'],
  ]);
}

async function open(user: NewUser, documentId: string): Promise<WebsocketProvider> {
  const provider = openProvider(server.wsUrl, user.api.cookie, documentId, new Y.Doc());
  providers.push(provider);
  await whenSynced(provider);
  return provider;
}

const outline = async (user: NewUser, documentId: string) => {
  const res = await user.api.request('GET', `/api/documents/${documentId}/outline`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { language: string; title: string; clauses: any[]; problems?: any[] };
};

/** The numbering a client computes on its own copy, in the outline's shape. */
function clientNumbering(doc: Y.Doc, language: 'en' | 'es' | 'pt' | 'fr' = 'en') {
  return [...computeNumbering(fragmentToJson(doc), language)].map(([clauseId, n]) => ({
    clauseId,
    label: n.label,
    path: n.path,
  }));
}
const outlineNumbering = (o: { clauses: any[] }) =>
  o.clauses.map(({ clauseId, label, path }) => ({ clauseId, label, path }));

function articleElement(clauseId: string, heading: string, text: string): Y.XmlElement {
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', clauseId);
  const h = new Y.XmlElement('clauseHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  const numbered = new Y.XmlElement('numberedParagraph');
  numbered.setAttribute('clauseId', newClauseId());
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  numbered.insert(0, [paragraph]);
  article.insert(0, [h, numbered]);
  return article;
}

/** The element holding the document's articles (the first chapter in the agreement template). */
function firstChapter(doc: Y.Doc): Y.XmlElement {
  return doc
    .getXmlFragment('default')
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'chapter')!;
}

describe('templates seed a new document', () => {
  it('stores the template as the first snapshot before answering, and a stock client sees it at once', async () => {
    const documentId = await createDocument({ title: 'Escazú-style agreement', kind: 'agreement' });
    const client = new MongoClient(`${inject('mongodbUri')}${server.dbName}`, { directConnection: true });
    try {
      const snapshots = await client
        .db()
        .collection('doc_snapshots')
        .find({ documentId: new ObjectId(documentId) })
        .toArray();
      expect(snapshots.map((s) => s.seq)).toEqual([1]);
    } finally {
      await client.close();
    }
    const provider = await open(drafter, documentId);
    const json = fragmentToJson(provider.doc);
    expect(validateDocument(json)).toEqual([]);
    expect(json.content![0]).toEqual({
      type: 'title',
      content: [{ type: 'text', text: 'Escazú-style agreement' }],
    });
    const shape = (j: any): unknown => ({ type: j.type, content: j.content?.map(shape) });
    expect(shape(json)).toEqual(
      shape(templates.agreement.build({ language: 'en', title: 'Escazú-style agreement' })),
    );
  });

  it('picks the template by kind, or the one asked for, in the document language', async () => {
    const plan = await createDocument({ title: 'Paralegal plan', kind: 'action_plan', language: 'fr' });
    const planOutline = await outline(observer, plan);
    expect(planOutline.language).toBe('fr');
    expect(planOutline.clauses.some((c) => c.kind === 'objective')).toBe(true);
    expect(planOutline.clauses.some((c) => c.kind === 'action')).toBe(true);

    const blank = await createDocument({ title: 'Notes' });
    const blankClient = await open(reviewer, blank);
    expect(fragmentToJson(blankClient.doc)).toEqual({
      type: 'doc',
      content: [{ type: 'title', content: [{ type: 'text', text: 'Notes' }] }, { type: 'paragraph' }],
    });

    const chosen = await createDocument({
      title: 'Acuerdo',
      kind: 'other',
      template: 'agreement',
      language: 'es',
    });
    const chosenOutline = await outline(reviewer, chosen);
    expect(chosenOutline.clauses.find((c) => c.kind === 'article').label).toBe('Artículo 1');
    expect(chosenOutline.clauses.find((c) => c.kind === 'chapter').label).toBe('Capítulo I');

    const french = await createDocument({ title: 'Accord', kind: 'agreement', language: 'fr' });
    const frOutline = await outline(coordinator, french);
    expect(frOutline.clauses.find((c) => c.kind === 'article').label).toBe('Article premier');
  });

  it('gives two clients that open a new document at once one and the same title', async () => {
    const documentId = await createDocument({ title: 'Raced', kind: 'agreement' });
    const [a, b] = await Promise.all([open(drafter, documentId), open(coordinator, documentId)]);
    const titles = (doc: Y.Doc) => fragmentToJson(doc).content!.filter((n) => n.type === 'title').length;
    expect(titles(a.doc)).toBe(1);
    expect(titles(b.doc)).toBe(1);
    expect(fragmentToJson(a.doc)).toEqual(fragmentToJson(b.doc));
  });

  it('refuses a template with content, unknown templates (400 validation_failed), and bad content (400 invalid_content) without creating anything', async () => {
    const before = (await coordinator.api.request('GET', '/api/documents')).body.documents.length;
    const json = importMarkdown('# T\n\nArticle 1\n\nText.').json;
    const both = await coordinator.api.request('POST', '/api/documents', {
      title: 'x',
      template: 'blank',
      content: json,
    });
    expect(both.status).toBe(400);
    expect(both.body.error.code).toBe('validation_failed');
    const unknown = await coordinator.api.request('POST', '/api/documents', {
      title: 'x',
      template: 'treaty',
    });
    expect(unknown.status).toBe(400);
    const bad = structuredClone(json);
    bad.content!.push({ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] });
    const invalid = await coordinator.api.request('POST', '/api/documents', { title: 'x', content: bad });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_content');
    expect(invalid.body.error.details.problems[0]).toMatchObject({
      code: 'unknown_node_type',
      nodeType: 'script',
    });
    const noTitle = await coordinator.api.request('POST', '/api/documents', {
      title: 'x',
      content: { type: 'doc', content: [{ type: 'paragraph' }] },
    });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.code).toBe('invalid_content');
    const badMark = structuredClone(json);
    const firstText = (node: any): any =>
      node.type === 'text' ? node : node.content?.map(firstText).find(Boolean);
    firstText(badMark.content![1]).marks = [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }];
    const link = await coordinator.api.request('POST', '/api/documents', { title: 'x', content: badMark });
    expect(link.status).toBe(400);
    expect(link.body.error.details.problems[0].code).toBe('disallowed_link');
    expect((await coordinator.api.request('GET', '/api/documents')).body.documents.length).toBe(before);
  });

  it('accepts large imported content (beyond the usual 64 KiB JSON limit), repairs duplicate ids, and refuses > 4 MiB with 413', async () => {
    const lines = ['# Big'];
    for (let n = 1; n <= 150; n++)
      lines.push('', `Article ${n} — Heading ${n}`, '', `1. ${'Text of the paragraph. '.repeat(20)}`);
    const { json } = importMarkdown(lines.join('\n'));
    // a pasted duplicate id: the second one is repaired, not refused
    const articles = json.content!.filter((n) => n.type === 'article');
    articles[1]!.attrs!.clauseId = articles[0]!.attrs!.clauseId;
    expect(JSON.stringify(json).length).toBeGreaterThan(Limits.jsonBodyBytes);
    const res = await coordinator.api.request('POST', '/api/documents', { title: 'Big', content: json });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const o = await outline(coordinator, res.body.document.id);
    expect(o.title).toBe('Big');
    expect(o.clauses.filter((c) => c.kind === 'article')).toHaveLength(150);
    expect(new Set(o.clauses.map((c) => c.clauseId)).size).toBe(o.clauses.length);
    expect(o.clauses[0].clauseId).toBe(articles[0]!.attrs!.clauseId);

    const huge = {
      type: 'doc',
      content: [
        { type: 'title' },
        { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(Limits.documentContentBytes) }] },
      ],
    };
    const tooBig = await coordinator.api.request('POST', '/api/documents', { title: 'Huge', content: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
  });
});

describe('GET /outline and /content', () => {
  let documentId: string;
  let writer: WebsocketProvider;

  beforeAll(async () => {
    documentId = await createDocument({ title: 'Live numbering', kind: 'agreement' });
    writer = await open(drafter, documentId);
  });

  it('numbers and heads every clause as the client computes it', async () => {
    const o = await outline(observer, documentId);
    expect(o.title).toBe('Live numbering');
    expect(o.language).toBe('en');
    expect(outlineNumbering(o)).toEqual(clientNumbering(writer.doc));
    const first = o.clauses.find((c) => c.kind === 'article');
    expect(first).toMatchObject({ number: '1', label: 'Article 1', depth: 1, heading: 'Purpose' });
    expect(Object.keys(first).sort()).toEqual([
      'clauseId',
      'depth',
      'heading',
      'kind',
      'label',
      'number',
      'parentId',
      'path',
    ]);
    expect(o.problems).toBeUndefined();
  });

  it('follows live edits: an inserted article renumbers the rest, ids stay; a moved article too', async () => {
    const before = await outline(reviewer, documentId);
    const beforeArticles = before.clauses.filter((c) => c.kind === 'article');
    const inserted = newClauseId();
    const chapter = firstChapter(writer.doc);
    chapter.insert(1, [articleElement(inserted, 'Scope', 'This Agreement applies to …')]);
    await waitFor(
      async () => (await outline(reviewer, documentId)).clauses.some((c) => c.clauseId === inserted),
      'the new article',
    );
    const after = await outline(reviewer, documentId);
    const articles = after.clauses.filter((c) => c.kind === 'article');
    expect(articles[0]).toMatchObject({ clauseId: inserted, label: 'Article 1', heading: 'Scope' });
    expect(articles.slice(1).map((a) => a.clauseId)).toEqual(beforeArticles.map((a) => a.clauseId));
    expect(articles.slice(1).map((a) => a.number)).toEqual(beforeArticles.map((_, i) => String(i + 2)));
    expect(outlineNumbering(after)).toEqual(clientNumbering(writer.doc));

    // move the new article to the end of its chapter: delete + re-insert with the same ids
    writer.doc.transact(() => {
      const copy = (chapter.get(1) as Y.XmlElement).clone();
      chapter.delete(1, 1);
      chapter.insert(chapter.length, [copy]);
    });
    await waitFor(async () => {
      const o = await outline(reviewer, documentId);
      return o.clauses.filter((c) => c.kind === 'article')[0].clauseId !== inserted;
    }, 'the move');
    const moved = await outline(reviewer, documentId);
    const movedArticle = moved.clauses.find((c) => c.clauseId === inserted);
    expect(movedArticle.heading).toBe('Scope');
    expect(moved.clauses.filter((c) => c.kind === 'article')[0].clauseId).toBe(beforeArticles[0].clauseId);
    expect(moved.clauses.filter((c) => c.kind === 'article')[0].label).toBe('Article 1');
    expect(outlineNumbering(moved)).toEqual(clientNumbering(writer.doc));
  });

  it('renders the canonical content (tree, clauses with text) for every member', async () => {
    for (const user of [observer, reviewer, drafter]) {
      const res = await user.api.request('GET', `/api/documents/${documentId}/content?format=json`);
      expect(res.status).toBe(200);
      expect(res.body.problems).toBeUndefined();
      const expected = renderCanonical(fragmentToJson(writer.doc), 'en');
      expect(res.body.tree).toEqual(expected.tree);
      expect(res.body.clauses).toEqual(expected.clauses);
      expect(res.body.freeText).toEqual(expected.freeText);
      expect(res.body).toMatchObject({
        schemaVersion: expected.schemaVersion,
        language: 'en',
        title: 'Live numbering',
      });
    }
    const plain = await observer.api.request('GET', `/api/documents/${documentId}/content`);
    expect(plain.status).toBe(200);
    const xml = await observer.api.request('GET', `/api/documents/${documentId}/content?format=xml`);
    expect(xml.status).toBe(400);
    expect(xml.body.error.code).toBe('validation_failed');
  });

  it('hides documents from non-members (404) and needs a session (401)', async () => {
    for (const path of ['outline', 'content']) {
      expect((await outsider.api.request('GET', `/api/documents/${documentId}/${path}`)).status).toBe(404);
      expect(
        (await new ApiClient(server.url).request('GET', `/api/documents/${documentId}/${path}`)).status,
      ).toBe(401);
      expect((await coordinator.api.request('GET', `/api/documents/${'0'.repeat(24)}/${path}`)).status).toBe(
        404,
      );
      expect((await coordinator.api.request('GET', `/api/documents/nope/${path}`)).status).toBe(400);
    }
  });

  it('reports content that does not fit the schema to coordinators only, and never drops it', async () => {
    expect((await outline(coordinator, documentId)).problems).toEqual([]);
    // a buggy client writes a heading where the schema does not expect one, at the end of an
    // article (elements the schema does not know are refused by the collaboration server)
    const chapter = firstChapter(writer.doc);
    const article = chapter.get(1) as Y.XmlElement;
    const misplaced = new Y.XmlElement('clauseHeading');
    misplaced.insert(0, [new Y.XmlText('text only an old client wrote')]);
    article.insert(article.length, [misplaced]);
    await waitFor(
      async () => ((await outline(coordinator, documentId)).problems ?? []).length > 0,
      'the problem',
    );
    const seen = await outline(coordinator, documentId);
    expect(seen.problems!.map((p) => p.code)).toContain('invalid_content');
    expect((await outline(observer, documentId)).problems).toBeUndefined();
    const content = await coordinator.api.request('GET', `/api/documents/${documentId}/content`);
    expect(JSON.stringify(content.body.tree)).toContain('text only an old client wrote');
    expect(content.body.problems.length).toBeGreaterThan(0);
    // the server never removed it from the shared document
    const fresh = await open(observer, documentId);
    expect(JSON.stringify(fragmentToJson(fresh.doc))).toContain('text only an old client wrote');
    expect(server.logs()).toContain('stored document content does not fit the schema');
  });

  it('renders a closed document from the database exactly like the open one', async () => {
    const live = await outline(observer, documentId);
    for (const p of providers) p.destroy();
    providers.length = 0;
    // a restarted server has no room open: it renders the stored state
    await server.stop();
    server = await startServer({ dbName: server.dbName });
    for (const user of [coordinator, drafter, reviewer, observer, outsider]) user.api.baseUrl = server.url;
    const closed = await outline(observer, documentId);
    expect(closed.clauses).toEqual(live.clauses);
    expect(closed.clauses.length).toBeGreaterThan(5);
  });
});
