import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { addMember } from '../helpers/members.js';
import {
  createCommentsFixture,
  articleElement,
  clauseId,
  paragraphId,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { Gate, openGatedProvider } from '../helpers/gatedProvider.js';
import {
  clauseById,
  clauseText,
  countClause,
  documentJson,
  firstText,
  moveClause,
} from '../helpers/clauseTrees.js';
import { createRangeAnchor } from '@accord/shared';

/**
 * Moving a clause never loses a word (issue 19): stock y-websocket clients, their messages held
 * back to force each interleaving, against the real server and database.
 */
let server: TestServer;
let fx: CommentsFixture;
const open: WebsocketProvider[] = [];

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
});

afterAll(async () => {
  for (const p of open) p.destroy();
  await server?.stop();
});

interface Client {
  provider: WebsocketProvider;
  doc: Y.Doc;
  gate: Gate;
}

/** A fresh document holding `content` (written by the coordinator), and `n` drafting clients on it. */
async function documentWith(
  content: () => Y.XmlElement[],
  n = 2,
): Promise<{ documentId: string; clients: Client[] }> {
  const created = await fx.coordinator.api.request('POST', '/api/documents', { title: 'Moves' });
  const documentId = created.body.document.id as string;
  for (const [member, role] of [
    [fx.drafter, 'drafter'],
    [fx.reviewer, 'reviewer'],
  ] as const) {
    await addMember(fx.coordinator.api, documentId, member, role);
  }
  const writer = openProvider(server.wsUrl, fx.coordinator.api.cookie, documentId);
  open.push(writer);
  await whenSynced(writer);
  const fragment = writer.doc.getXmlFragment('default');
  // only the clauses under test (a new document starts from a template)
  writer.doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, content());
  });
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) {
    const gate = new Gate();
    const user = i % 2 === 0 ? fx.drafter : fx.coordinator;
    const provider = openGatedProvider(server.wsUrl, user.api.cookie, documentId, gate);
    open.push(provider);
    await whenSynced(provider);
    clients.push({ provider, doc: provider.doc, gate });
  }
  await waitFor(
    () => clients.every((c) => documentJson(c.doc) === documentJson(writer.doc)),
    'clients to have the document',
  );
  writer.destroy();
  return { documentId, clients };
}

/** Releases every gate and waits until the clients and a fresh client of the server agree. */
async function converge(documentId: string, clients: Client[]): Promise<Y.Doc> {
  for (const c of clients) c.gate.release();
  const probe = openProvider(server.wsUrl, fx.drafter.api.cookie, documentId);
  open.push(probe);
  await whenSynced(probe);
  // the server has applied what each client wrote (a client id claim may hold it for a while):
  // until then the replicas may agree on a state that lacks it
  await waitFor(
    () =>
      clients.every(
        (c) =>
          (Y.decodeStateVector(Y.encodeStateVector(probe.doc)).get(c.doc.clientID) ?? 0) >=
          Y.getState(c.doc.store, c.doc.clientID),
      ),
    'the server to have every client’s writing',
    15_000,
  );
  await waitFor(
    () => clients.every((c) => documentJson(c.doc) === documentJson(probe.doc)),
    'every replica to converge',
    15_000,
  );
  probe.destroy();
  return probe.doc;
}

const article = (id: string, heading: string, ...paragraphs: string[]) =>
  articleElement({ id, heading, paragraphs });

function chapter(id: string, heading: string, articles: Y.XmlElement[]): Y.XmlElement {
  const element = new Y.XmlElement('chapter');
  element.setAttribute('clauseId', id);
  const h = new Y.XmlElement('clauseHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  element.insert(0, [h, ...articles]);
  return element;
}

/** The text of an article's n-th numbered paragraph, in a replica. */
function paragraph(doc: Y.Doc, articleId: string, n = 0): Y.XmlText {
  return firstText(clauseById(doc, paragraphId(articleId, n)));
}

function topLevelIds(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((e) => (e as Y.XmlElement).getAttribute('clauseId')!);
}

describe('moving a clause never loses a word', () => {
  it('type, then move: text the mover had not seen ends up in the moved article, once', async () => {
    const [x, y, z] = [clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'alpha'),
      article(y, 'Y', 'beta'),
      article(z, 'Z', 'gamma'),
    ]);
    const [mover, typist] = clients as [Client, Client];
    mover.gate.holdIncoming = true; // the mover does not see the typing before it moves
    paragraph(typist.doc, y).insert(4, ' typed');
    await new Promise((r) => setTimeout(r, 300)); // the typing reaches the server first
    moveClause(mover.doc, y, null, 0);
    const result = await converge(documentId, clients);
    expect(topLevelIds(result)).toEqual([y, x, z]);
    expect(countClause(result, y)).toBe(1);
    expect(clauseText(clauseById(result, y))).toBe('Y|beta typed');
  });

  it('move, then type: a stale client keeps typing and deleting in the old place, for many updates', async () => {
    const [x, y, z] = [clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'alpha'),
      article(y, 'Y', 'beta one', 'beta two'),
      article(z, 'Z', 'gamma'),
    ]);
    const [mover, stale] = clients as [Client, Client];
    stale.gate.holdIncoming = true;
    moveClause(mover.doc, y, null, 3);
    // wait until the server has the move, then let the stale client type word by word
    const probe = openProvider(server.wsUrl, fx.drafter.api.cookie, documentId);
    open.push(probe);
    await whenSynced(probe);
    await waitFor(() => topLevelIds(probe.doc)[2] === y, 'the server to have the move');
    probe.destroy();
    const first = paragraph(stale.doc, y, 0);
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    for (const word of words) {
      first.insert(first.length, ` ${word}`);
      await new Promise((r) => setTimeout(r, 15));
    }
    first.delete(0, 5); // "beta " goes
    paragraph(stale.doc, y, 1).insert(0, 'Second: ');
    firstText(clauseById(stale.doc, y)).insert(1, ' (moved)');
    const result = await converge(documentId, clients);
    expect(topLevelIds(result)).toEqual([x, z, y]);
    expect(countClause(result, y)).toBe(1);
    expect(clauseText(clauseById(result, y))).toBe(`Y (moved)|one ${words.join(' ')}|Second: beta two`);
  });

  it('two people move the same article at once: one article, with what was typed into either copy', async () => {
    const [x, y, z] = [clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(
      () => [article(x, 'X', 'alpha'), article(y, 'Y', 'beta'), article(z, 'Z', 'gamma')],
      3,
    );
    const [a, b, c] = clients as [Client, Client, Client];
    for (const client of clients) client.gate.holdIncoming = true;
    moveClause(a.doc, y, null, 0);
    moveClause(b.doc, y, null, 3);
    paragraph(a.doc, y).insert(0, 'A ');
    paragraph(b.doc, y).insert(4, ' B');
    paragraph(c.doc, y).insert(4, ' C'); // the original, not having seen either move
    const result = await converge(documentId, clients);
    expect(countClause(result, y)).toBe(1);
    expect(countClause(result, paragraphId(y, 0))).toBe(1);
    const text = clauseText(clauseById(result, y));
    for (const word of ['A ', ' B', ' C', 'beta']) expect(text.split(word)).toHaveLength(2);
    // at one of the two destinations
    expect([0, 2]).toContain(topLevelIds(result).indexOf(y));
  });

  it('a move and a concurrent deletion of the article: the move wins, nothing is duplicated', async () => {
    const [x, y, z] = [clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'alpha'),
      article(y, 'Y', 'beta'),
      article(z, 'Z', 'gamma'),
    ]);
    const [mover, deleter] = clients as [Client, Client];
    deleter.gate.holdIncoming = true;
    moveClause(mover.doc, y, null, 3);
    paragraph(mover.doc, y).insert(4, ' kept');
    await new Promise((r) => setTimeout(r, 200));
    const fragment = deleter.doc.getXmlFragment('default');
    fragment.delete(1, 1);
    const result = await converge(documentId, clients);
    expect(topLevelIds(result)).toEqual([x, z, y]);
    expect(clauseText(clauseById(result, y))).toBe('Y|beta kept');
  });

  it('an editor offline moves an article in which someone deleted a word: the word stays deleted', async () => {
    const [x, y] = [clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'The parties shall provide free legal aid'),
      article(y, 'Y', 'beta'),
    ]);
    const [offline, deleter] = clients as [Client, Client];
    offline.provider.disconnect();
    await waitFor(() => !offline.provider.wsconnected, 'the editor to go offline');
    paragraph(deleter.doc, x).delete(25, 5); // " free"
    await new Promise((r) => setTimeout(r, 300)); // the deletion reaches the server
    // offline: typing into the article, then moving it below Y (the typing is moved with it)
    paragraph(offline.doc, x).insert(40, ', promptly');
    moveClause(offline.doc, x, null, 1);
    offline.provider.connect(); // sync step 2 carries every deletion the editor knows
    await whenSynced(offline.provider);
    const result = await converge(documentId, clients);
    expect(topLevelIds(result)).toEqual([y, x]);
    expect(countClause(result, x)).toBe(1);
    expect(clauseText(clauseById(result, x))).toBe('X|The parties shall provide legal aid, promptly');
  });

  it('moving a chapter carries its articles, and text typed into them meanwhile', async () => {
    const [c1, c2, a1, a2, a3] = [clauseId(), clauseId(), clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      chapter(c1, 'One', [article(a1, 'A1', 'first'), article(a2, 'A2', 'second')]),
      chapter(c2, 'Two', [article(a3, 'A3', 'third')]),
    ]);
    const [mover, typist] = clients as [Client, Client];
    typist.gate.holdIncoming = true;
    moveClause(mover.doc, c1, null, 1);
    await new Promise((r) => setTimeout(r, 200));
    paragraph(typist.doc, a2).insert(6, ' article');
    firstText(clauseById(typist.doc, c1)).insert(3, ' (moved)');
    const result = await converge(documentId, clients);
    expect(topLevelIds(result)).toEqual([c2, c1]);
    expect(clauseText(clauseById(result, c1))).toBe('One (moved)|A1|first|A2|second article');
  });

  it('moving an article across chapters carries a paragraph split and typing done meanwhile', async () => {
    const [c1, c2, a1, a2, a3] = [clauseId(), clauseId(), clauseId(), clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      chapter(c1, 'One', [article(a1, 'A1', 'first'), article(a2, 'A2', 'second')]),
      chapter(c2, 'Two', [article(a3, 'A3', 'third')]),
    ]);
    const [mover, typist] = clients as [Client, Client];
    typist.gate.holdIncoming = true;
    moveClause(mover.doc, a1, c2, 2); // after A3
    await new Promise((r) => setTimeout(r, 200));
    // the typist adds a numbered paragraph to A1 (as Enter at the end of its last one does)
    const addedId = clauseId();
    typist.doc.transact(() => {
      const fresh = new Y.XmlElement('numberedParagraph');
      fresh.setAttribute('clauseId', addedId);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('added paragraph')]);
      fresh.insert(0, [p]);
      clauseById(typist.doc, a1).insert(2, [fresh]);
    });
    paragraph(typist.doc, a1).insert(0, 'the ');
    const result = await converge(documentId, clients);
    expect(clauseText(clauseById(result, c2))).toBe('Two|A3|third|A1|the first|added paragraph');
    expect(clauseText(clauseById(result, c1))).toBe('One|A2|second');
  });

  it('keeps a range comment on a moved article attached (moved, not detached), also after late typing', async () => {
    const [x, y] = [clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'alpha'),
      article(y, 'Y', 'free legal aid for all'),
    ]);
    const [mover, typist] = clients as [Client, Client];
    const text = paragraph(typist.doc, y);
    const anchor = createRangeAnchor(typist.doc, { text, index: 5 }, { text, index: 14 }); // "legal aid"
    const created = await fx.reviewer.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor,
      body: 'Define legal aid.',
    });
    expect(created.status).toBe(201);
    typist.gate.holdIncoming = true;
    moveClause(mover.doc, y, null, 0);
    await new Promise((r) => setTimeout(r, 200));
    paragraph(typist.doc, y).insert(0, 'Quality ');
    const result = await converge(documentId, clients);
    expect(clauseText(clauseById(result, y))).toBe('Y|Quality free legal aid for all');
    const threads = await fx.reviewer.api.request('GET', `/api/documents/${documentId}/comments`);
    const thread = threads.body.threads.find((t: any) => t.id === created.body.thread.id);
    expect(thread.anchor.state).toBe('moved');
    expect(thread.anchor.currentQuote).toBe('legal aid');
  });

  it('a reload from the database gives the same document', async () => {
    const [x, y] = [clauseId(), clauseId()];
    const { documentId, clients } = await documentWith(() => [
      article(x, 'X', 'alpha'),
      article(y, 'Y', 'beta'),
    ]);
    const [mover, stale] = clients as [Client, Client];
    stale.gate.holdIncoming = true;
    moveClause(mover.doc, y, null, 0);
    await new Promise((r) => setTimeout(r, 200));
    paragraph(stale.doc, y).insert(4, ' late');
    const before = await converge(documentId, clients);
    for (const c of clients) c.provider.destroy();
    await server.stop();
    server = await startServer({ dbName: server.dbName });
    const reloaded = openProvider(server.wsUrl, fx.drafter.api.cookie, documentId);
    open.push(reloaded);
    await whenSynced(reloaded);
    expect(documentJson(reloaded.doc)).toBe(documentJson(before));
    expect(clauseText(clauseById(reloaded.doc, y))).toBe('Y|beta late');
    // a client that was offline since before the move, coming back after the restart
    const [stale2Doc] = [new Y.Doc()];
    Y.applyUpdate(stale2Doc, Y.encodeStateAsUpdate(reloaded.doc));
    expect(countClause(stale2Doc, y)).toBe(1);
  });
});
