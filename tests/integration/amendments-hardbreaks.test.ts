import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor, whenSynced } from '../helpers/collab.js';
import { Gate, openGatedProvider } from '../helpers/gatedProvider.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  serverHas,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { decide } from '../helpers/amendmentsFixture.js';
import { clauseById, countClause, documentJson } from '../helpers/clauseTrees.js';

/**
 * Accepting an amendment that adds or removes lines in a clause whose paragraphs hold hard line
 * breaks, while someone types in that clause. The typist's keystrokes are held back (a gated
 * stock y-websocket client) until the server has applied the acceptance: they survive only if
 * the text they went into was edited in place, not written anew.
 */
let server: TestServer;
let fx: CommentsFixture;
let typist: WebsocketProvider;
let watcher: WebsocketProvider;
const gate = new Gate();

/** A paragraph from a string, "|" standing for a hard break. */
function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(
    0,
    text
      .split('|')
      .flatMap((part, i) => [
        ...(i > 0 ? [new Y.XmlElement('hardBreak')] : []),
        ...(part ? [new Y.XmlText(part)] : []),
      ]),
  );
  return element;
}

/** An article holding one numbered paragraph (its clause id returned) of these paragraphs. */
function writeClause(doc: Y.Doc, paragraphs: string[]): string {
  const id = clauseId();
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', clauseId());
  const heading = new Y.XmlElement('clauseHeading');
  heading.insert(0, [new Y.XmlText('Legal aid')]);
  const numbered = new Y.XmlElement('numberedParagraph');
  numbered.setAttribute('clauseId', id);
  numbered.insert(0, paragraphs.map(paragraph));
  article.insert(0, [heading, numbered]);
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => fragment.insert(fragment.length, [article]));
  return id;
}

const plain = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[])
    .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');

/** The clause's paragraphs written back as strings, "|" for a hard break. */
const written = (doc: Y.Doc, id: string) =>
  countClause(doc, id) === 0
    ? []
    : clauseById(doc, id)
        .toArray()
        .map((p) =>
          (p as Y.XmlElement)
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? plain(child) : '|'))
            .join(''),
        );

/** The n-th text of the clause's first paragraph. */
const textAt = (doc: Y.Doc, id: string, n: number) =>
  (clauseById(doc, id).get(0) as Y.XmlElement).toArray().filter((c) => c instanceof Y.XmlText)[
    n
  ] as Y.XmlText;

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  typist = openGatedProvider(server.wsUrl, fx.drafter.api.cookie, fx.documentId, gate);
  await whenSynced(typist);
  watcher = await openSynced(server.wsUrl, fx.reviewer, fx.documentId);
});

afterAll(() => {
  typist?.destroy();
  watcher?.destroy();
});

/** Tables a replacement, types into the clause unseen, accepts, then lets the typing through. */
async function acceptWhileTyping(
  id: string,
  proposal: string[],
  accepted: string[],
  type: (doc: Y.Doc) => void,
): Promise<void> {
  const tabled = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/amendments`, {
    kind: 'replace',
    clauseId: id,
    proposal: { heading: null, paragraphs: proposal.map((p) => (p ? [{ text: p }] : [])) },
    justification: 'Clearer.',
  });
  expect(tabled.status).toBe(201);
  gate.holdOutgoing = true;
  type(typist.doc);
  const decided = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
    decision: 'accept',
  });
  expect(decided.status).toBe(200);
  try {
    await waitFor(() => written(watcher.doc, id).join('/') === accepted.join('/'), 'the accept');
  } finally {
    gate.release();
  }
}

async function expectEverywhere(id: string, expected: string[]): Promise<void> {
  const want = expected.join('/');
  await waitFor(() => written(typist.doc, id).join('/') === want, 'the typist to have both');
  await waitFor(() => written(watcher.doc, id).join('/') === want, 'the watcher to have both');
  await serverHas(
    server.wsUrl,
    fx.observer,
    fx.documentId,
    (doc) => documentJson(doc) === documentJson(typist.doc),
  );
}

describe('accepting an amendment in a clause with hard line breaks, during typing', () => {
  it('adds a line after a hard break, removes a paragraph and changes words, keeping the typing', async () => {
    const id = writeClause(typist.doc, ['States shall act.|They report yearly.', 'Gone.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => written(doc, id).length === 2);
    await acceptWhileTyping(
      id,
      ['States shall act.', 'Legal aid is funded.', 'They report twice a year.'],
      ['States shall act.|Legal aid is funded.|They report twice a year.'],
      (doc) => textAt(doc, id, 0).insert('States shall act'.length, ' promptly'),
    );
    await expectEverywhere(id, ['States shall act promptly.|Legal aid is funded.|They report twice a year.']);
    expect(clauseById(typist.doc, id).getAttribute('clauseId')).toBe(id);
  });

  it('removes a line and its hard break, keeping typing in the line after it', async () => {
    const id = writeClause(typist.doc, ['One.|Two goes.|Three stays.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => written(doc, id).length === 1);
    await acceptWhileTyping(id, ['One.', 'Three stays.'], ['One.|Three stays.'], (doc) =>
      textAt(doc, id, 2).insert('Three stays'.length, ' here'),
    );
    await expectEverywhere(id, ['One.|Three stays here.']);
  });

  it('writes into an empty line before a hard break (no line added), keeping the typing', async () => {
    const id = writeClause(typist.doc, ['|Alpha one.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => written(doc, id).length === 1);
    await acceptWhileTyping(id, ['Lead:', 'Alpha two.'], ['Lead:|Alpha two.'], (doc) =>
      textAt(doc, id, 0).insert(0, 'A '),
    );
    await expectEverywhere(id, ['Lead:|A Alpha two.']);
  });
});
