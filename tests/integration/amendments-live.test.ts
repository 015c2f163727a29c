import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import { waitFor } from '../helpers/collab.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphId,
  paragraphText,
  serverHas,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { decide, tableReplacement } from '../helpers/amendmentsFixture.js';
import { documentJson } from '../helpers/clauseTrees.js';

/**
 * Accepting an amendment while someone types in the same clause: the accepted change reaches the
 * open editors as one Yjs change made word by word, so what the typist wrote (outside the amended
 * words) stays, and every client and the stored state converge.
 */
let server: TestServer;
let fx: CommentsFixture;
let typist: WebsocketProvider;
let watcher: WebsocketProvider;
const A1 = clauseId();
const P1 = paragraphId(A1, 0);
const TEXT = 'States shall guarantee free legal aid to persons in need.';

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  typist = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, typist, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: [TEXT] },
  ]);
  watcher = await openSynced(server.wsUrl, fx.reviewer, fx.documentId);
});

afterAll(() => {
  typist?.destroy();
  watcher?.destroy();
});

describe('accepting an amendment during typing', () => {
  it('keeps both the accepted change and the concurrent typing, on every client and in storage', async () => {
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P1,
      TEXT.replace('guarantee', 'ensure'),
    );
    expect(tabled.status).toBe(201);
    const text = paragraphText(typist.doc, A1, 0);
    // the typist keeps typing at the end of the same paragraph while the coordinator accepts
    let typing = true;
    let typed = '';
    const keystrokes = (async () => {
      for (let i = 0; typing || i < 5; i++) {
        const key = String.fromCharCode(97 + (i % 26));
        typist.doc.transact(() => text.insert(text.length, key));
        typed += key;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await new Promise((r) => setTimeout(r, 30));
    const accepted = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'accept',
    });
    typing = false;
    await keystrokes;
    expect(accepted.status).toBe(200);
    const expected = TEXT.replace('guarantee', 'ensure') + typed;
    await waitFor(() => paragraphText(typist.doc, A1, 0).toString() === expected, 'the typist to have both');
    await waitFor(
      () => paragraphText(watcher.doc, A1, 0).toString() === expected,
      'the watcher to have both',
    );
    // the clause ids stay, and the stored state converges with the clients
    expect(paragraphText(typist.doc, A1, 0).parent!.parent instanceof Y.XmlElement).toBe(true);
    expect((paragraphText(typist.doc, A1, 0).parent!.parent as Y.XmlElement).getAttribute('clauseId')).toBe(
      P1,
    );
    await serverHas(
      server.wsUrl,
      fx.observer,
      fx.documentId,
      (doc) => documentJson(doc) === documentJson(typist.doc),
    );
  });

  it('keeps typing inside the amended sentence but outside the amended words', async () => {
    const current = paragraphText(typist.doc, A1, 0).toString();
    const tabled = await tableReplacement(
      fx.reviewer,
      fx.documentId,
      P1,
      current.replace('free', 'free and prompt'),
    );
    expect(tabled.status).toBe(201);
    // typed before the accept reaches the server, and after the tabling: it must survive
    const text = paragraphText(typist.doc, A1, 0);
    typist.doc.transact(() => text.insert(0, 'All '));
    const accepted = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    const expected = 'All ' + current.replace('free', 'free and prompt');
    await waitFor(
      () => paragraphText(watcher.doc, A1, 0).toString() === expected,
      'the watcher to have both',
    );
    await waitFor(() => paragraphText(typist.doc, A1, 0).toString() === expected, 'the typist to have both');
  });

  it("applies the proposal's marks to the words it adds, not to the others", async () => {
    const current = paragraphText(typist.doc, A1, 0).toString();
    const at = current.indexOf('legal');
    const res = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/amendments`, {
      kind: 'replace',
      clauseId: P1,
      proposal: {
        heading: null,
        paragraphs: [
          [
            { text: current.slice(0, at) },
            { text: 'effective', marks: [{ type: 'bold' }] },
            { text: ' ' + current.slice(at) },
          ],
        ],
      },
      justification: 'Emphasis.',
    });
    expect(res.status).toBe(201);
    expect(
      (await decide(fx.coordinator, fx.documentId, res.body.amendment.id, { decision: 'accept' })).status,
    ).toBe(200);
    await waitFor(() => paragraphText(watcher.doc, A1, 0).toString().includes('effective'), 'the change');
    const delta = paragraphText(watcher.doc, A1, 0).toDelta() as { insert: string; attributes?: object }[];
    expect(delta.filter((d) => d.attributes)).toEqual([{ insert: 'effective', attributes: { bold: {} } }]);
  });
});
