import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { agreementMarkdown, createDocumentWithMembers } from '../helpers/documents.js';
import { appendParagraph, openProvider, waitFor, whenSynced } from '../helpers/collab.js';

let server: TestServer;
let db: mongoose.Connection;

beforeAll(async () => {
  server = await startServer();
  db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
});

afterAll(async () => {
  await db?.close();
});

interface Clause {
  clauseId: string;
  label: string;
  text: string;
}
const content = async (user: NewUser, id: string) => {
  const res = await user.api.request('GET', `/api/documents/${id}/content`);
  expect(res.status).toBe(200);
  return res.body as { clauses: Clause[]; title: string; language: string };
};

describe('POST /api/documents/:id/duplicate', () => {
  it('copies the live text and structure, not comments nor members; the duplicator coordinates the copy', async () => {
    const [owner, observer, stranger] = (await Promise.all(
      ['Owner', 'Observer', 'Stranger'].map((name) => newUser(new ApiClient(server.url), { name })),
    )) as [NewUser, NewUser, NewUser];
    const title = 'Acuerdo regional';
    const sourceId = await createDocumentWithMembers(
      owner,
      { title, kind: 'agreement', language: 'es', content: importMarkdown(agreementMarkdown(title, 3)).json },
      [[observer, 'observer']],
    );
    // text typed in the editor and not yet in any version is copied too
    const provider = openProvider(server.wsUrl, owner.api.cookie, sourceId);
    await whenSynced(provider);
    appendParagraph(provider.doc, 'Typed just now.');
    await waitFor(
      async () => JSON.stringify(await content(owner, sourceId)).includes('Typed just now.'),
      'the typed text on the server',
    );
    const source = await content(owner, sourceId);
    const thread = await owner.api.request('POST', `/api/documents/${sourceId}/comments`, {
      anchor: { kind: 'clause', clauseId: source.clauses[0]!.clauseId },
      body: 'A comment that stays behind',
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);

    const res = await observer.api.request('POST', `/api/documents/${sourceId}/duplicate`, {
      title: 'Copia del acuerdo',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const copy = res.body.document;
    expect(copy).toMatchObject({
      title: 'Copia del acuerdo',
      kind: 'agreement',
      language: 'es',
      role: 'coordinator',
    });
    expect(copy.id).not.toBe(sourceId);

    const copied = await content(observer, copy.id);
    expect(copied.title).toBe('Copia del acuerdo');
    // same clauses, same words, same clause ids (unique within each document)
    expect(copied.clauses.map(({ clauseId, label, text }) => ({ clauseId, label, text }))).toEqual(
      source.clauses.map(({ clauseId, label, text }) => ({ clauseId, label, text })),
    );
    expect(JSON.stringify(copied)).toContain('Typed just now.');
    const members = await observer.api.request('GET', `/api/documents/${copy.id}/members`);
    expect(members.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [observer.id, 'coordinator'],
    ]);
    expect((await observer.api.request('GET', `/api/documents/${copy.id}/comments`)).body.threads).toEqual(
      [],
    );
    expect((await owner.api.request('GET', `/api/documents/${copy.id}`)).status).toBe(404);
    // the source is unchanged
    expect((await owner.api.request('GET', `/api/documents/${sourceId}/comments`)).body.threads).toHaveLength(
      1,
    );
    expect((await content(owner, sourceId)).clauses).toEqual(source.clauses);

    // refusals write nothing
    const before = await db.collection('documents').countDocuments();
    expect(
      (await stranger.api.request('POST', `/api/documents/${sourceId}/duplicate`, { title: 'x' })).status,
    ).toBe(404);
    for (const body of [{}, { title: '   ' }, { title: 'x', extra: true }, { title: 'x'.repeat(1000) }]) {
      const bad = await owner.api.request('POST', `/api/documents/${sourceId}/duplicate`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    expect(await db.collection('documents').countDocuments()).toBe(before);
    provider.destroy();
  });
});
