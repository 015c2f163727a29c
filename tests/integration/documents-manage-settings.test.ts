import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { agreementMarkdown, createDocumentWithMembers } from '../helpers/documents.js';

let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

const labels = async (user: NewUser, id: string) => {
  const res = await user.api.request('GET', `/api/documents/${id}/content`);
  expect(res.status).toBe(200);
  return (res.body.clauses as { kind: string; label: string }[])
    .filter((c) => c.kind === 'article')
    .map((c) => c.label);
};

describe('PATCH /api/documents/:id/settings', () => {
  it('changes language and kind; the numbering words follow; refusals write nothing', async () => {
    const [owner, drafter, stranger] = (await Promise.all(
      ['Owner', 'Drafter', 'Stranger'].map((name) => newUser(new ApiClient(server.url), { name })),
    )) as [NewUser, NewUser, NewUser];
    const title = 'Regional agreement';
    const id = await createDocumentWithMembers(
      owner,
      { title, kind: 'agreement', language: 'en', content: importMarkdown(agreementMarkdown(title, 2)).json },
      [[drafter, 'drafter']],
    );
    expect(await labels(drafter, id)).toEqual(['Article 1', 'Article 2']);
    const path = `/api/documents/${id}/settings`;

    const stored = () => db.collection('documents').findOne({ _id: new mongoose.Types.ObjectId(id) });
    expect((await drafter.api.request('PATCH', path, { language: 'es' })).status).toBe(403);
    expect((await stranger.api.request('PATCH', path, { language: 'es' })).status).toBe(404);
    for (const body of [{}, { language: 'de' }, { kind: 'treaty' }, { language: 'es', title: 'x' }]) {
      const res = await owner.api.request('PATCH', path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(await stored()).toMatchObject({ kind: 'agreement', language: 'en' });

    const changed = await owner.api.request('PATCH', path, { language: 'es' });
    expect(changed.status).toBe(200);
    expect(changed.body.document).toMatchObject({ language: 'es', kind: 'agreement' });
    expect(await labels(drafter, id)).toEqual(['Artículo 1', 'Artículo 2']);
    const kind = await owner.api.request('PATCH', path, { kind: 'other', language: 'fr' });
    expect(kind.body.document).toMatchObject({ language: 'fr', kind: 'other' });
    // French numbers its first article in words
    expect(await labels(drafter, id)).toEqual(['Article premier', 'Article 2']);

    // not while the workflow locks the text
    const final = await owner.api.request('POST', `/api/documents/${id}/workflow`, {
      to: 'review',
      lockText: true,
    });
    expect(final.status).toBe(200);
    const locked = await owner.api.request('PATCH', path, { language: 'pt' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('text_locked');
    expect(await stored()).toMatchObject({ kind: 'other', language: 'fr' });
  });
});
