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
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { decide, paragraphsProposal } from '../helpers/amendmentsFixture.js';
import { clauseById, clauseText } from '../helpers/clauseTrees.js';

/** Inserting a new clause a level down: as the last sub-clause of the clause the amendment names. */
let server: TestServer;
let fx: CommentsFixture;
let watcher: WebsocketProvider;
const A1 = clauseId();
const P1 = paragraphId(A1, 0);

beforeAll(async () => {
  server = await startServer();
  fx = await createCommentsFixture(server.url);
  watcher = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, watcher, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: ['States shall provide legal aid to:'] },
  ]);
});

afterAll(() => watcher?.destroy());

const table = (body: Record<string, unknown>) =>
  fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/amendments`, {
    justification: 'Completeness.',
    ...body,
  });

describe('inserting a clause inside another', () => {
  it('adds a point inside a numbered paragraph, with a fresh id, live', async () => {
    const tabled = await table({
      kind: 'insert',
      clauseId: P1,
      position: 'inside',
      clauseType: 'point',
      proposal: paragraphsProposal('persons in detention;'),
    });
    expect(tabled.status).toBe(201);
    expect(tabled.body.amendment.position).toBe('inside');
    const accepted = await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, {
      decision: 'accept',
    });
    expect(accepted.status).toBe(200);
    await waitFor(() => clauseById(watcher.doc, P1).length === 2, 'the new point');
    const point = clauseById(watcher.doc, P1).get(1) as Y.XmlElement;
    expect(point.nodeName).toBe('point');
    expect(point.getAttribute('clauseId')).toMatch(/^[0-9A-Za-z]{10,32}$/);
    expect(point.getAttribute('clauseId')).not.toBe(P1);
    expect(clauseText(point)).toBe('persons in detention;');
  });

  it('adds a numbered paragraph inside an article, after its last one', async () => {
    const tabled = await table({
      kind: 'insert',
      clauseId: A1,
      position: 'inside',
      clauseType: 'numberedParagraph',
      proposal: paragraphsProposal('Legal aid is free.'),
    });
    expect(tabled.status).toBe(201);
    expect(
      (await decide(fx.coordinator, fx.documentId, tabled.body.amendment.id, { decision: 'accept' })).status,
    ).toBe(200);
    await waitFor(() => clauseById(watcher.doc, A1).length === 3, 'the new paragraph');
    const added = clauseById(watcher.doc, A1).get(2) as Y.XmlElement;
    expect(added.nodeName).toBe('numberedParagraph');
    expect(clauseText(added)).toBe('Legal aid is free.');
  });

  it('refuses a kind the clause cannot hold, and a different kind next to a clause', async () => {
    for (const body of [
      { position: 'inside', clauseType: 'article', clauseId: P1 },
      { position: 'inside', clauseType: 'point', clauseId: clauseId() },
      { position: 'after', clauseType: 'point', clauseId: P1 },
    ]) {
      const res = await table({ kind: 'insert', proposal: paragraphsProposal('x'), ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(body.clauseId === P1 ? 'invalid_proposal' : 'unknown_clause');
    }
  });
});
