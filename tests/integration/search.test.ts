import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import {
  clauseId,
  createCommentsFixture,
  openSynced,
  paragraphId,
  paragraphText,
  writeArticles,
  type CommentsFixture,
} from '../helpers/commentsFixture.js';

/**
 * Issue 17: GET /api/search finds text written through a stock y-websocket client, comments the
 * searcher may see, accent- and case-insensitively, and never anything of a document the searcher
 * is not a member of.
 */
let server: TestServer;
let fx: CommentsFixture;
let writer: WebsocketProvider;
let outsider: NewUser;
const A1 = clauseId();
const A2 = clauseId();

interface Hit {
  snippet: string;
  match: { start: number; end: number };
}
const marked = (hit: Hit) => hit.snippet.slice(hit.match.start, hit.match.end);

async function search(user: NewUser, q: string) {
  const res = await user.api.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { results: any[]; engine: string };
}

/** The derived text follows edits a few seconds later: searches again until `check` holds. */
async function searchUntil(user: NewUser, q: string, check: (results: any[]) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { results } = await search(user, q);
    if (check(results)) return results;
    if (Date.now() > deadline)
      throw new Error(`a search for "${q}" did not find it: ${JSON.stringify(results)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  // polling searches below: more than the default 60 a minute
  server = await startServer({ env: { SEARCH_RATE_MAX: '10000' } });
  fx = await createCommentsFixture(server.url);
  outsider = await newUser(new ApiClient(server.url), { name: 'Otto Outsider' });
  writer = await openSynced(server.wsUrl, fx.drafter, fx.documentId);
  await writeArticles(server.wsUrl, writer, fx.drafter, fx.documentId, [
    {
      id: A1,
      heading: 'Participación',
      paragraphs: ['Los Estados garantizarán la participación ciudadana.'],
    },
    { id: A2, heading: 'Acceso', paragraphs: ['Toda persona tiene derecho a la información ambiental.'] },
  ]);
}, 60_000);

afterAll(() => writer?.destroy());

describe('GET /api/search', () => {
  it('finds text written through a stock y-websocket client, at its clause, without accents or case', async () => {
    const results = await searchUntil(fx.reviewer, 'PARTICIPACION CIUDADANA', (r) => r.length > 0);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({ id: fx.documentId, archived: false, titleMatch: null });
    expect(result.textHits).toHaveLength(1);
    expect(result.textHits[0].clauseId).toBe(paragraphId(A1, 0));
    expect(marked(result.textHits[0])).toBe('participación ciudadana');

    // and the heading, and a word with an accent typed without it
    const heading = (await search(fx.observer, 'participacion')).results[0];
    expect(heading.textHits.map((h: any) => h.clauseId)).toEqual([A1, paragraphId(A1, 0)]);
    const accented = (await search(fx.observer, 'información')).results[0];
    expect(accented.textHits[0].clauseId).toBe(paragraphId(A2, 0));
    expect(marked(accented.textHits[0])).toBe('información');
  });

  it('follows later edits (the derived text is stored again after a change)', async () => {
    expect((await search(fx.reviewer, 'tribunales ambientales')).results).toEqual([]);
    paragraphText(writer.doc, A2).insert(0, 'Ante los Tribunales Ambientales: ');
    const results = await searchUntil(fx.reviewer, 'tribunales ambientales', (r) => r.length > 0);
    expect(results[0].textHits[0].clauseId).toBe(paragraphId(A2, 0));
    expect(marked(results[0].textHits[0])).toBe('Tribunales Ambientales');
  });

  it('finds titles, and text of documents never opened since they were created', async () => {
    const { json } = importMarkdown(
      '# Plan de acción regional\n\nArticle 1\n\nLas partes cooperarán en materia de paralegales comunitarios.',
    );
    const created = await fx.reviewer.api.request('POST', '/api/documents', {
      title: 'Plan de acción regional',
      content: json,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.document.id as string;
    const byTitle = (await search(fx.reviewer, 'plan de accion')).results.find((r: any) => r.id === id);
    expect(marked({ snippet: byTitle.title, match: byTitle.titleMatch })).toBe('Plan de acción');
    const byText = (await search(fx.reviewer, 'paralegales comunitarios')).results;
    expect(byText.map((r: any) => r.id)).toEqual([id]);
    expect(marked(byText[0].textHits[0])).toBe('paralegales comunitarios');
  });

  it('never answers with documents the searcher is not a member of', async () => {
    expect((await search(outsider, 'participación ciudadana')).results).toEqual([]);
    expect((await search(outsider, 'Access to Justice')).results).toEqual([]);
    // their own document with the same words: only that one
    const own = await outsider.api.request('POST', '/api/documents', {
      title: 'Participación ciudadana (borrador propio)',
    });
    expect(own.status).toBe(201);
    const results = (await search(outsider, 'participación ciudadana')).results;
    expect(results.map((r: any) => r.id)).toEqual([own.body.document.id]);
  });

  it('finds comments the searcher may see, and team-only ones only for the team and their author', async () => {
    const open = await fx.reviewer.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A1 },
      body: 'Falta la consulta previa a los pueblos indígenas.',
    });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    const team = await fx.drafter.api.request('POST', `/api/documents/${fx.documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: A2 },
      body: 'Estrategia interna del equipo redactor.',
      visibility: 'team',
    });
    expect(team.status, JSON.stringify(team.body)).toBe(201);

    const found = (await search(fx.observer, 'pueblos indigenas')).results;
    expect(found).toHaveLength(1);
    expect(found[0].commentHits).toHaveLength(1);
    expect(found[0].commentHits[0]).toMatchObject({
      threadId: open.body.thread.id,
      clauseId: A1,
      authorName: 'Rosa Reviewer',
    });
    expect(marked(found[0].commentHits[0])).toBe('pueblos indígenas');

    for (const user of [fx.reviewer, fx.reviewer2, fx.observer, outsider]) {
      expect((await search(user, 'estrategia interna')).results, user.name).toEqual([]);
    }
    for (const user of [fx.drafter, fx.coordinator]) {
      const results = (await search(user, 'estrategia interna')).results;
      expect(results[0]?.commentHits[0]?.threadId, user.name).toBe(team.body.thread.id);
    }
    expect((await search(outsider, 'pueblos indígenas')).results).toEqual([]);
  });

  it('flags archived documents and leaves deleted ones out', async () => {
    const created = await fx.coordinator.api.request('POST', '/api/documents', { title: 'Tratado costero' });
    const id = created.body.document.id as string;
    const archived = await fx.coordinator.api.request('PATCH', `/api/documents/${id}/archived`, {
      archived: true,
    });
    expect(archived.status).toBe(200);
    const found = (await search(fx.coordinator, 'tratado costero')).results;
    expect(found.map((r: any) => [r.id, r.archived])).toEqual([[id, true]]);
    const deleted = await fx.coordinator.api.request('DELETE', `/api/documents/${id}`, {
      title: 'Tratado costero',
    });
    expect(deleted.status).toBe(204);
    expect((await search(fx.coordinator, 'tratado costero')).results).toEqual([]);
  });

  it('limits how often one person searches (429 rate_limited)', async () => {
    const limited = await startServer({ env: { SEARCH_RATE_MAX: '2' } });
    const user = await newUser(new ApiClient(limited.url), { name: 'Quick Searcher' });
    for (let i = 0; i < 2; i++) expect((await user.api.request('GET', '/api/search?q=x')).status).toBe(200);
    const refused = await user.api.request('GET', '/api/search?q=x');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // a bad query is refused before it counts
    expect((await user.api.request('GET', '/api/search?q=')).body.error.code).toBe('bad_query');
  });

  it('answers 400 bad_query for a blank, missing or too long query, and for unknown parameters', async () => {
    for (const path of [
      '/api/search?q=',
      '/api/search?q=%20%20',
      '/api/search',
      `/api/search?q=${'a'.repeat(201)}`,
      '/api/search?q=a&x=1',
    ]) {
      const res = await fx.reviewer.api.request('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe('bad_query');
    }
    expect((await fx.reviewer.api.request('GET', `/api/search?q=${'a'.repeat(200)}`)).status).toBe(200);
    const anonymous = await new ApiClient(server.url).request('GET', '/api/search?q=acceso');
    expect(anonymous.status).toBe(401);
  });
});
