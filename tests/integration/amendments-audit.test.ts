import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import type { WebsocketProvider } from 'y-websocket';
import { startServer, type TestServer } from '../helpers/server.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphId,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';
import { decide, tableReplacement } from '../helpers/amendmentsFixture.js';

/** Tabling, co-sponsoring, revising, withdrawing and deciding amendments go into the audit trail. */
let server: TestServer;
let fx: CommentsFixture;
let db: mongoose.Connection;
let writer: WebsocketProvider;
const A1 = clauseId();
const P1 = paragraphId(A1, 0);
const TEXT = 'States shall guarantee free legal aid.';

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
  fx = await createCommentsFixture(server.url);
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    { id: A1, heading: 'Legal aid', paragraphs: [TEXT] },
  ]);
});

afterAll(async () => {
  writer?.destroy();
  await db?.close();
});

const path = (id: string, action: string) => `/api/documents/${fx.documentId}/amendments/${id}/${action}`;

describe('amendments in the audit trail', () => {
  it('records who tabled, co-sponsored, revised, withdrew, accepted and rejected what', async () => {
    const first = await tableReplacement(fx.reviewer, fx.documentId, P1, TEXT.replace('free', 'prompt'));
    const second = await tableReplacement(fx.reviewer2, fx.documentId, P1, TEXT.replace('States', 'Parties'));
    const third = await tableReplacement(fx.drafter, fx.documentId, P1, TEXT + ' Always.');
    const ids = [first, second, third].map((res) => {
      expect(res.status).toBe(201);
      return res.body.amendment.id as string;
    });
    expect((await fx.reviewer2.api.request('POST', path(ids[0]!, 'cosponsor'), {})).status).toBe(200);
    expect(
      (await fx.reviewer.api.request('POST', path(ids[0]!, 'revise'), { justification: 'Faster.' })).status,
    ).toBe(200);
    expect((await fx.drafter.api.request('POST', path(ids[2]!, 'withdraw'), {})).status).toBe(200);
    expect((await decide(fx.coordinator, fx.documentId, ids[0]!, { decision: 'accept' })).status).toBe(200);
    expect(
      (await decide(fx.coordinator, fx.documentId, ids[1]!, { decision: 'reject', reason: 'Out of scope.' }))
        .status,
    ).toBe(200);

    const events = await db
      .collection('audit_events')
      .find({ documentId: new mongoose.Types.ObjectId(fx.documentId), action: /^amendment\./ })
      .sort({ _id: 1 })
      .toArray();
    const seen = events.map((e) => [e.action, e.actorId.toHexString(), e.data.amendmentId]);
    expect(seen).toEqual([
      ['amendment.tabled', fx.reviewer.id, ids[0]],
      ['amendment.tabled', fx.reviewer2.id, ids[1]],
      ['amendment.tabled', fx.drafter.id, ids[2]],
      ['amendment.cosponsored', fx.reviewer2.id, ids[0]],
      ['amendment.revised', fx.reviewer.id, ids[0]],
      ['amendment.withdrawn', fx.drafter.id, ids[2]],
      ['amendment.accepted', fx.coordinator.id, ids[0]],
      ['amendment.rejected', fx.coordinator.id, ids[1]],
    ]);
    expect(events.every((e) => e.data.clauseId === P1)).toBe(true);
    expect(events[0]!.data.organisation).toBe('Paralegal Network');
    expect(events[7]!.data.note).toBe('Out of scope.');
  });
});
