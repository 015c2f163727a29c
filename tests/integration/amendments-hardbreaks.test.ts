import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { plainTextOf } from '@accord/shared';
import type { TestServer } from '../helpers/server.js';
import { serverHas, type CommentsFixture } from '../helpers/commentsFixture.js';
import { clauseById, countClause } from '../helpers/clauseTrees.js';
import {
  acceptWhileTyping as acceptWhileTypingIn,
  expectEverywhere as expectEverywhereIn,
  startAcceptanceTyping,
  stopAcceptanceTyping,
  writeClause,
  type AcceptanceTyping,
} from '../helpers/acceptanceTyping.js';

/**
 * Accepting an amendment that adds or removes lines in a clause whose paragraphs hold hard line
 * breaks, while someone types in that clause. The typist's keystrokes are held back (a gated
 * stock y-websocket client) until the server has applied the acceptance: they survive only if
 * the text they went into was edited in place, not written anew.
 */
let t: AcceptanceTyping;
let server: TestServer;
let fx: CommentsFixture;
let typist: WebsocketProvider;

/** The clause's paragraphs written back as strings, "|" for a hard break. */
const written = (doc: Y.Doc, id: string) =>
  countClause(doc, id) === 0
    ? []
    : clauseById(doc, id)
        .toArray()
        .map((p) =>
          (p as Y.XmlElement)
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? plainTextOf(child) : '|'))
            .join(''),
        );

/** The n-th text of the clause's first paragraph. */
const textAt = (doc: Y.Doc, id: string, n: number) =>
  (clauseById(doc, id).get(0) as Y.XmlElement).toArray().filter((c) => c instanceof Y.XmlText)[
    n
  ] as Y.XmlText;

beforeAll(async () => {
  t = await startAcceptanceTyping();
  ({ server, fx, typist } = t);
});

afterAll(() => stopAcceptanceTyping(t));

/** Tables a replacement, types into the clause unseen, accepts, then lets the typing through. */
const acceptWhileTyping = (id: string, proposal: string[], accepted: string[], type: (doc: Y.Doc) => void) =>
  acceptWhileTypingIn(t, id, proposal, type, (doc) => written(doc, id).join('/') === accepted.join('/'));

const expectEverywhere = (id: string, expected: string[]) =>
  expectEverywhereIn(t, (doc) => written(doc, id).join('/'), expected.join('/'));

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
