import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { createRangeAnchor } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import {
  articleElement,
  clauseId,
  createCommentsFixture,
  findArticle,
  openSynced,
  paragraphId,
  paragraphText,
  writeArticles,
  type ArticleSpec,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/**
 * Anchors against real concurrent editing: two stock y-websocket clients edit the same document
 * at the same moment; every comment's anchor state, as the REST API computes it from the
 * server's copy, is exactly what the edits imply — and stays so after a server restart.
 */
let server: TestServer;
let fx: CommentsFixture;
let a: WebsocketProvider;
let b: WebsocketProvider;

const art = (heading: string, text: string): ArticleSpec => ({ id: clauseId(), heading, paragraphs: [text] });
const articles = {
  before: art('Access', 'States shall guarantee access to justice for everyone.'),
  after: art('Aid', 'Legal aid shall be free for persons without means.'),
  inside: art('Remedies', 'Victims have the right to an effective remedy.'),
  across: art('Scope', 'Every person has the right to legal aid in civil and criminal matters.'),
  gone: art('Fees', 'Court fees shall be waived for community paralegals.'),
  deleted: art('Review', 'This agreement shall be reviewed every five years.'),
  stays: art('Entry', 'This agreement enters into force on signature.'),
  moved: art('Languages', 'The texts in Spanish and Portuguese are equally authentic.'),
};
type Key = keyof typeof articles;
const quotes: Record<Key, string> = {
  before: 'access to justice',
  after: 'free for persons',
  inside: 'right to an effective remedy',
  across: 'right to legal aid in civil',
  gone: 'waived for community',
  deleted: 'reviewed every five years',
  stays: 'enters into force',
  moved: 'equally authentic',
};
const threadIds = {} as Record<Key, string>;
const clauseThreads = {} as Record<'deleted' | 'moved', string>;

function rangeAnchor(doc: Y.Doc, key: Key) {
  const text = paragraphText(doc, articles[key].id);
  const from = text.toString().indexOf(quotes[key]);
  return createRangeAnchor(doc, { text, index: from }, { text, index: from + quotes[key].length });
}

async function listing(api = fx.reviewer.api) {
  const res = await api.request('GET', `/api/documents/${fx.documentId}/comments`);
  expect(res.status).toBe(200);
  return res.body as { threads: any[]; clauseCounts: Record<string, { open: number; resolved: number }> };
}

const anchorOf = (body: { threads: any[] }, id: string) => body.threads.find((t) => t.id === id)?.anchor;

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  a = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  b = await openSynced(server.wsUrl, fx.coordinator, fx.documentId);
  await writeArticles(server.wsUrl, a, fx.drafter, fx.documentId, Object.values(articles));
  await waitFor(
    () => findArticle(b.doc, articles.moved.id) !== undefined,
    'the second client to have the text',
  );

  for (const key of Object.keys(articles) as Key[]) {
    const res = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: rangeAnchor(a.doc, key),
      body: `About "${quotes[key]}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.thread.anchor).toMatchObject({
      state: 'attached',
      quote: quotes[key],
      currentQuote: quotes[key],
    });
    threadIds[key] = res.body.thread.id;
  }
  for (const key of ['deleted', 'moved'] as const) {
    const res = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: articles[key].id },
      body: `The whole article ${key}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    clauseThreads[key] = res.body.thread.id;
  }
});

afterAll(() => {
  a?.destroy();
  b?.destroy();
});

describe('comment anchors under concurrent editing', () => {
  it('start attached, with the clause where it stood', async () => {
    const body = await listing();
    const anchor = anchorOf(body, threadIds.before);
    expect(anchor).toMatchObject({
      kind: 'range',
      state: 'attached',
      moved: false,
      clauseId: paragraphId(articles.before.id, 0),
      clause: { kind: 'paragraph', label: '1.', path: '1.1', parentId: articles.before.id },
    });
    expect(anchorOf(body, clauseThreads.moved)).toMatchObject({
      kind: 'clause',
      state: 'attached',
      clause: { label: 'Article 8' },
    });
    expect(body.clauseCounts[paragraphId(articles.inside.id, 0)]).toEqual({ open: 1, resolved: 0 });
  });

  it('survive edits before, after, inside and across the range made at the same moment by two clients', async () => {
    const ta = (key: Key) => paragraphText(a.doc, articles[key].id);
    const tb = (key: Key) => paragraphText(b.doc, articles[key].id);
    const at = (text: Y.XmlText, s: string) => text.toString().indexOf(s);
    // both clients change their copies before either hears of the other's edits
    ta('before').insert(0, 'All ');
    tb('before').insert(at(tb('before'), 'access'), 'effective '); // right at the start, outside
    ta('after').insert(ta('after').length - 1, ' and groups');
    tb('after').insert(at(tb('after'), ' without'), ', always,'); // right at the end, outside
    ta('inside').insert(at(ta('inside'), 'effective'), 'prompt and ');
    tb('inside').insert(at(tb('inside'), ' remedy'), ' and enforceable');
    ta('across').delete(at(ta('across'), 'has the right'), 'has the right'.length);
    tb('across').delete(at(tb('across'), 'civil and'), 'civil and'.length);
    ta('gone').delete(at(ta('gone'), quotes.gone), quotes.gone.length);
    tb('gone').insert(0, 'Where possible, ');
    // the editor deletes an article, and moves another before its neighbour (delete + insert)
    const fa = a.doc.getXmlFragment('default');
    const fb = b.doc.getXmlFragment('default');
    fa.delete(fa.toArray().indexOf(findArticle(a.doc, articles.deleted.id)!), 1);
    b.doc.transact(() => {
      fb.delete(fb.toArray().indexOf(findArticle(b.doc, articles.moved.id)!), 1);
      fb.insert(fb.toArray().indexOf(findArticle(b.doc, articles.stays.id)!), [
        articleElement(articles.moved),
      ]);
    });

    await waitFor(
      () => a.doc.getXmlFragment('default').toString() === b.doc.getXmlFragment('default').toString(),
      'the two clients to converge',
    );
    const expected: Record<Key, string> = {
      before: 'attached',
      after: 'attached',
      inside: 'edited',
      across: 'edited',
      gone: 'detached',
      deleted: 'orphaned',
      // 7th before, 6th after the deletion, 7th again once the 8th moved before it
      stays: 'attached',
      moved: 'moved',
    };
    let body = await listing();
    await waitFor(async () => {
      body = await listing();
      return (Object.keys(expected) as Key[]).every(
        (key) => anchorOf(body, threadIds[key])?.state === expected[key],
      );
    }, 'anchor states to follow the edits').catch((error: Error) => {
      const states = Object.fromEntries(
        (Object.keys(expected) as Key[]).map((key) => [key, anchorOf(body, threadIds[key])]),
      );
      throw new Error(`${error.message}: ${JSON.stringify(states, null, 1)}`);
    });

    expect(anchorOf(body, threadIds.before)).toMatchObject({ currentQuote: quotes.before, moved: false });
    expect(anchorOf(body, threadIds.after)).toMatchObject({ currentQuote: quotes.after, moved: false });
    const inside = anchorOf(body, threadIds.inside);
    expect(inside.quote).toBe(quotes.inside);
    expect(inside.currentQuote).toBe('right to an prompt and effective and enforceable remedy');
    const across = anchorOf(body, threadIds.across);
    expect(across.currentQuote.trim()).toBe('to legal aid in');
    expect(anchorOf(body, threadIds.gone)).toMatchObject({
      currentQuote: '',
      currentClauseId: paragraphId(articles.gone.id, 0),
      quote: quotes.gone,
    });
    expect(anchorOf(body, threadIds.deleted)).toMatchObject({
      currentClauseId: null,
      quote: quotes.deleted,
      original: { label: '1.', path: '6.1', parentId: articles.deleted.id },
    });
    expect(anchorOf(body, clauseThreads.deleted)).toMatchObject({
      state: 'orphaned',
      original: { label: 'Article 6' },
    });
    // the moved article is now Article 6, before the one that was 7th
    expect(anchorOf(body, threadIds.moved)).toMatchObject({
      currentQuote: quotes.moved,
      clause: { path: '6.1' },
      original: { path: '8.1' },
    });
    expect(anchorOf(body, threadIds.moved).start).toBeTruthy();
    expect(anchorOf(body, clauseThreads.moved)).toMatchObject({
      state: 'moved',
      clause: { label: 'Article 6' },
      original: { label: 'Article 8' },
    });
    expect(anchorOf(body, threadIds.stays)).toMatchObject({
      currentQuote: quotes.stays,
      clause: { path: '7.1' },
      moved: false,
    });
    // nothing vanished: every thread is still listed with its first comment
    expect(body.threads).toHaveLength(10);
    // the browser computes the same states from its own copy, with the same shared code
  });

  it('keep every comment and the same anchor states after a server restart', async () => {
    const before = await listing();
    a.destroy();
    b.destroy();
    await server.stop();
    const restarted = await startServer({ dbName: server.dbName });
    for (const user of [fx.coordinator, fx.drafter, fx.reviewer, fx.reviewer2, fx.observer])
      user.api.baseUrl = restarted.url;
    server = restarted;
    const after = await listing();
    expect(after.threads.map((t) => [t.id, t.anchor.state, t.anchor.currentQuote, t.comment.body])).toEqual(
      before.threads.map((t) => [t.id, t.anchor.state, t.anchor.currentQuote, t.comment.body]),
    );
    expect(after.threads).toHaveLength(10);
  });
});
