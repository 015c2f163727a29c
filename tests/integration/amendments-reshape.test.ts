import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { plainTextOf } from '@accord/shared';
import type { TestServer } from '../helpers/server.js';
import { serverHas, type CommentsFixture } from '../helpers/commentsFixture.js';
import { listAmendments } from '../helpers/amendmentsFixture.js';
import { clauseById, countClause } from '../helpers/clauseTrees.js';
import {
  acceptWhileTyping as acceptWhileTypingIn,
  expectEverywhere as expectEverywhereIn,
  startAcceptanceTyping,
  stopAcceptanceTyping,
  writeClause,
  type AcceptanceTyping,
  type ProposedParagraph,
} from '../helpers/acceptanceTyping.js';

/**
 * Accepting an amendment that adds or removes paragraphs inside a clause while someone types in
 * another paragraph of that clause. The typist's keystrokes are held back (a gated stock
 * y-websocket client) until the server has applied the acceptance, so they are truly concurrent:
 * they survive only if the paragraph they went into was kept, not written anew.
 */
let t: AcceptanceTyping;
let server: TestServer;
let fx: CommentsFixture;
let typist: WebsocketProvider;
let watcher: WebsocketProvider;

/** The clause's paragraphs' text; none while the clause has not reached this replica yet. */
const texts = (doc: Y.Doc, id: string) =>
  countClause(doc, id) === 0
    ? []
    : clauseById(doc, id)
        .toArray()
        .map((p) => {
          const text = (p as Y.XmlElement).get(0) as Y.XmlText | undefined;
          return text ? plainTextOf(text) : '';
        });

const textOf = (doc: Y.Doc, id: string, n: number) =>
  (clauseById(doc, id).get(n) as Y.XmlElement).get(0) as Y.XmlText;

beforeAll(async () => {
  t = await startAcceptanceTyping();
  ({ server, fx, typist, watcher } = t);
});

afterAll(() => stopAcceptanceTyping(t));

/** Tables a replacement, types into the clause unseen, accepts, then lets the typing through. */
const acceptWhileTyping = (id: string, proposal: ProposedParagraph[], type: (doc: Y.Doc) => void) => {
  const plain = proposal
    .map((p) => (typeof p === 'string' ? p : p.map((run) => run.text).join('')))
    .join('\n');
  return acceptWhileTypingIn(t, id, proposal, type, (doc) => texts(doc, id).join('\n') === plain);
};

const expectEverywhere = (id: string, expected: string[]) =>
  expectEverywhereIn(t, (doc) => texts(doc, id).join('\n'), expected.join('\n'));

describe('accepting an amendment that adds or removes paragraphs during typing', () => {
  it('keeps typing in the first paragraph when a paragraph is added and the second edited', async () => {
    const id = writeClause(typist.doc, ['States shall act.', 'They shall report yearly.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => texts(doc, id).length === 2);
    await acceptWhileTyping(
      id,
      ['States shall act.', 'They shall fund legal aid.', 'They shall report twice a year.'],
      (doc) => textOf(doc, id, 0).insert('States shall act'.length, ' promptly'),
    );
    await expectEverywhere(id, [
      'States shall act promptly.',
      'They shall fund legal aid.',
      'They shall report twice a year.',
    ]);
    // the clause keeps its id; the paragraph typed into is the one that was there
    expect(clauseById(typist.doc, id).getAttribute('clauseId')).toBe(id);
  });

  it('keeps typing in a later paragraph when an earlier one is removed', async () => {
    const id = writeClause(typist.doc, ['First.', 'Second goes.', 'Third stays.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => texts(doc, id).length === 3);
    await acceptWhileTyping(id, ['First.', 'Third stays.'], (doc) =>
      textOf(doc, id, 2).insert('Third stays.'.length, ' Typed.'),
    );
    await expectEverywhere(id, ['First.', 'Third stays. Typed.']);
  });

  it('keeps typing in the paragraph before a new last paragraph, and in the one after a new first', async () => {
    const id = writeClause(typist.doc, ['Alpha.', 'Omega.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => texts(doc, id).length === 2);
    await acceptWhileTyping(id, ['Start.', 'Alpha.', 'Omega.', 'End.'], (doc) => {
      textOf(doc, id, 0).insert(0, 'A ');
      textOf(doc, id, 1).insert(0, 'O ');
    });
    await expectEverywhere(id, ['Start.', 'A Alpha.', 'O Omega.', 'End.']);
  });

  it('lists the amendment as accepted, with its diff', async () => {
    const { amendments } = await listAmendments(fx.coordinator, fx.documentId, '?status=accepted');
    expect(amendments.length).toBe(3);
    expect(amendments.every((a) => a.diff.length > 0)).toBe(true);
  });
});

const deltaOf = (doc: Y.Doc, id: string, n: number) =>
  textOf(doc, id, n).toDelta() as { insert: string; attributes?: Record<string, unknown> }[];

describe('accepting a change of formatting only', () => {
  const bold = { type: 'bold' };

  it('shows it in the diff, and applies it without losing concurrent typing', async () => {
    const id = writeClause(typist.doc, ['States shall act.']);
    await serverHas(server.wsUrl, fx.observer, fx.documentId, (doc) => texts(doc, id).length === 1);
    const proposal = [[{ text: 'States ' }, { text: 'shall', marks: [bold] }, { text: ' act.' }]];
    const tabled = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/amendments`, {
      kind: 'replace',
      clauseId: id,
      proposal: { heading: null, paragraphs: proposal },
      justification: 'Emphasis.',
    });
    expect(tabled.status).toBe(201);
    expect(tabled.body.amendment.diff).toEqual([
      { value: 'States ' },
      { value: 'shall', formatted: true },
      { value: ' act.' },
    ]);
    await fx.reviewer.api.request(
      'POST',
      `/api/documents/${fx.documentId}/amendments/${tabled.body.amendment.id}/withdraw`,
      {},
    );
    await acceptWhileTyping(id, proposal, (doc) =>
      textOf(doc, id, 0).insert('States shall act'.length, ' now'),
    );
    await expectEverywhere(id, ['States shall act now.']);
    expect(deltaOf(watcher.doc, id, 0)).toEqual([
      { insert: 'States ' },
      { insert: 'shall', attributes: { bold: {} } },
      { insert: ' act now.' },
    ]);
  });

  it('removes marks and brackets words, alongside a new paragraph', async () => {
    const id = writeClause(typist.doc, ['Report yearly.']);
    typist.doc.transact(() => textOf(typist.doc, id, 0).format(7, 6, { bold: {} }));
    await serverHas(
      server.wsUrl,
      fx.observer,
      fx.documentId,
      (doc) => countClause(doc, id) > 0 && deltaOf(doc, id, 0).length === 3,
    );
    await acceptWhileTyping(
      id,
      [
        [
          { text: 'Report ' },
          { text: 'yearly', marks: [{ type: 'bracketed', attrs: { option: 'Option A' } }] },
          { text: '.' },
        ],
        [{ text: 'Publish it.' }],
      ],
      (doc) => textOf(doc, id, 0).insert(0, 'We '),
    );
    await expectEverywhere(id, ['We Report yearly.', 'Publish it.']);
    expect(deltaOf(watcher.doc, id, 0)).toEqual([
      { insert: 'We Report ' },
      { insert: 'yearly', attributes: { bracketed: { option: 'Option A' } } },
      { insert: '.' },
    ]);
  });
});
