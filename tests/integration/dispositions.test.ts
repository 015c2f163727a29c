import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { WebsocketProvider } from 'y-websocket';
import { createRangeAnchor } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { waitFor } from '../helpers/collab.js';
import { createDocumentWithMembers } from '../helpers/documents.js';
import {
  articleElement,
  clauseId,
  findArticle,
  openEventSocket,
  openSynced,
  paragraphId,
  paragraphText,
  serverHas,
  writeArticles,
  type EventSocket,
} from '../helpers/commentsFixture.js';

/**
 * Dispositions of comment threads (issue 11) and the disposition-of-comments report, against the
 * real server and database: only coordinators record them (insert-only events, shown in the
 * thread and its history, announced live); the report of a version and of the live text in HTML,
 * CSV and Word for every role; bad input.
 */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let reviewer2: NewUser;
let observer: NewUser;
let stranger: NewUser;
let writer: WebsocketProvider;
let documentId: string;
const A1 = clauseId();
const A2 = clauseId();
const A3 = clauseId();
const NEW = clauseId();

/** threads opened in beforeAll */
const threads = { aid: '', access: '', team: '', added: '' };
const QUOTE = '<jurídica> & "gratuita"';
const ACCESS_COMMENT = 'Precisar "acceso", plazos\ny costes';
const TEAM_COMMENT = 'Entre nosotros: revisar con el ministerio';

const disposition = (user: NewUser, threadId: string, body: unknown) =>
  user.api.request('POST', `/api/comments/${threadId}/disposition`, body);
const history = async (threadId: string) => {
  const res = await coordinator.api.request('GET', `/api/comments/${threadId}/revisions`);
  expect(res.status).toBe(200);
  return res.body.events as Array<{ type: string; disposition?: { value: string; reason: string | null } }>;
};
const report = (user: NewUser, query: string) =>
  fetch(`${server.url}/api/documents/${documentId}/dispositions?${query}`, {
    headers: user.api.cookie ? { cookie: user.api.cookie } : {},
  });

beforeAll(async () => {
  server = await startServer();
  const user = (name: string, organisation: string, country: string) =>
    newUser(new ApiClient(server.url), {
      name,
      organisation: { name: organisation, kind: 'civil_society', country },
    });
  [coordinator, drafter, reviewer, reviewer2, observer, stranger] = await Promise.all([
    user('Coral Coordinadora', 'Justicia Abierta', 'AR'),
    user('Darío Redactor', 'Justicia Abierta', 'AR'),
    user('María José Núñez', 'Fundación Acción, Justicia', 'CO'),
    user('João Gonçalves', 'Associação Cidadã', 'BR'),
    user('Zoë Lefèvre', 'Université Populaire', 'FR'),
    user('Sam Stranger', 'Elsewhere', 'KE'),
  ]);
  documentId = await createDocumentWithMembers(
    coordinator,
    { title: 'Acuerdo Regional de Acceso a la Justicia', language: 'es' },
    [
      [drafter, 'drafter'],
      [reviewer, 'reviewer'],
      [reviewer2, 'reviewer'],
      [observer, 'observer'],
    ],
  );
  writer = await openSynced(server.wsUrl, drafter, documentId);
  await writeArticles(server.wsUrl, writer, drafter, documentId, [
    { id: A1, heading: 'Acceso', paragraphs: ['Los Estados garantizarán el acceso a la justicia.'] },
    { id: A2, heading: 'Asistencia', paragraphs: [`La asistencia ${QUOTE} será universal.`] },
    { id: A3, heading: 'Paralegales', paragraphs: ['Se reconocerá a los paralegales comunitarios.'] },
  ]);

  const open = async (author: NewUser, body: unknown) => {
    const res = await author.api.request('POST', `/api/documents/${documentId}/comments`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.thread.id as string;
  };
  const text = paragraphText(writer.doc, A2);
  const start = `La asistencia `.length;
  const range = createRangeAnchor(
    writer.doc,
    { text, index: start },
    { text, index: start + QUOTE.length },
    'es',
  );
  expect(range.quote).toBe(QUOTE);
  threads.aid = await open(reviewer, { anchor: range, body: '¿Gratuita para quién?' });
  threads.access = await open(reviewer2, { anchor: { kind: 'clause', clauseId: A1 }, body: ACCESS_COMMENT });
  threads.team = await open(drafter, {
    anchor: { kind: 'clause', clauseId: paragraphId(A3, 0) },
    body: TEAM_COMMENT,
    visibility: 'team',
  });
  const reply = await coordinator.api.request('POST', `/api/comments/${threads.aid}/replies`, {
    body: 'Para quien no pueda pagar, según el art. 5.',
  });
  expect(reply.status).toBe(201);
});

afterAll(() => {
  writer?.destroy();
});

describe('recording a disposition', () => {
  it('is for coordinators only: 403 for other roles, 404 for non-members, 400 for bad input; nothing stored', async () => {
    const before = await history(threads.aid);
    for (const member of [drafter, reviewer, reviewer2, observer]) {
      const res = await disposition(member, threads.aid, { value: 'accepted' });
      expect(res.status, member.name).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const outside = await disposition(stranger, threads.aid, { value: 'accepted' });
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('not_found');
    // a team-only thread is not there for those who may not see it
    expect((await disposition(reviewer, threads.team, { value: 'accepted' })).status).toBe(404);

    const bad = [
      { value: 'rejected' },
      { value: 'not accepted', reason: 'with a space' },
      {},
      { value: 'not_accepted' },
      { value: 'not_accepted', reason: '   ' },
      { value: 'partially_accepted', reason: '' },
      { value: 'noted', reason: 'x'.repeat(10_001) },
      { value: 'noted', reason: 'bell \u0007' },
      { value: 'accepted', extra: true },
      'not json',
    ];
    for (const body of bad) {
      const res = await disposition(coordinator, threads.aid, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(['validation_failed', 'malformed_json']).toContain(res.body.error.code);
    }
    expect((await disposition(coordinator, 'not-an-id', { value: 'accepted' })).status).toBe(400);
    expect((await disposition(coordinator, '0123456789abcdef01234567', { value: 'accepted' })).status).toBe(
      404,
    );
    expect(await history(threads.aid)).toEqual(before);
  });

  it('shows the latest disposition on the thread, every one in its history, and tells open clients', async () => {
    const sockets: Record<string, EventSocket> = {
      reviewer: await openEventSocket(server.wsUrl, reviewer, documentId),
      observer: await openEventSocket(server.wsUrl, observer, documentId),
    };
    try {
      const first = await disposition(coordinator, threads.aid, { value: 'accepted' });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.thread.disposition).toMatchObject({
        value: 'accepted',
        reason: null,
        by: { id: coordinator.id, name: 'Coral Coordinadora' },
      });
      expect(first.body.thread.canRecordDisposition).toBe(true);

      const second = await disposition(coordinator, threads.aid, {
        value: 'partially_accepted',
        reason: '  Solo para quien no pueda pagar.\r\nVéase el art. 5.  ',
      });
      expect(second.status).toBe(200);
      // the same again (a retried request) stores nothing
      expect(
        (
          await disposition(coordinator, threads.aid, {
            value: 'partially_accepted',
            reason: 'Solo para quien no pueda pagar.\nVéase el art. 5.',
          })
        ).status,
      ).toBe(200);

      const seen = await reviewer.api.request('GET', `/api/comments/${threads.aid}`);
      expect(seen.body.thread.disposition).toMatchObject({
        value: 'partially_accepted',
        reason: 'Solo para quien no pueda pagar.\nVéase el art. 5.',
        by: { id: coordinator.id },
      });
      expect(seen.body.thread.canRecordDisposition).toBe(false);

      const events = await history(threads.aid);
      expect(events.filter((e) => e.type === 'disposition').map((e) => e.disposition)).toEqual([
        { value: 'accepted', reason: null },
        { value: 'partially_accepted', reason: 'Solo para quien no pueda pagar.\nVéase el art. 5.' },
      ]);
      const shared = await reviewer.api.request('GET', `/api/comments/${threads.aid}/revisions`);
      expect(shared.body.events.map((e: { type: string }) => e.type)).toEqual([
        'revision',
        'disposition',
        'disposition',
      ]);

      const live = (socket: EventSocket, threadId: string) =>
        socket.events.filter(
          (e) =>
            e.event.type === 'comments.changed' &&
            e.event.threadId === threadId &&
            e.event.change === 'disposition',
        );
      await waitFor(() => live(sockets.reviewer!, threads.aid).length === 2, 'two disposition events', 2_000);
      expect(live(sockets.reviewer!, threads.aid)[0]!.event).toMatchObject({
        documentId,
        actorId: coordinator.id,
      });

      // a team-only thread: recorded, and not announced to those who may not see it
      const team = await disposition(coordinator, threads.team, { value: 'noted' });
      expect(team.status).toBe(200);
      // named through a reply, the disposition is the thread's
      const replyId = seen.body.thread.replies[0].id as string;
      const viaReply = await disposition(coordinator, replyId, {
        value: 'not_accepted',
        reason: 'Fuera del mandato del Acuerdo, que no regula costas.',
      });
      expect(viaReply.status).toBe(200);
      expect(viaReply.body.thread).toMatchObject({ id: threads.aid, disposition: { value: 'not_accepted' } });
      await waitFor(() => live(sockets.reviewer!, threads.aid).length === 3, 'the third event', 2_000);
      await new Promise((r) => setTimeout(r, 200));
      expect(live(sockets.observer!, threads.team)).toEqual([]);
      expect(live(sockets.reviewer!, threads.team)).toEqual([]);
    } finally {
      for (const socket of Object.values(sockets)) socket.close();
    }
  });
});

describe('the disposition-of-comments report', () => {
  beforeAll(async () => {
    const frozen = await coordinator.api.request('POST', `/api/documents/${documentId}/versions`, {
      name: 'Borrador tras la reunión de Bogotá',
    });
    expect(frozen.status, JSON.stringify(frozen.body)).toBe(201);
    expect(frozen.body.version.number).toBe(1);
    // since the version: a new first article (the others move down one) with a comment of its own
    const fragment = writer.doc.getXmlFragment('default');
    writer.doc.transact(() => {
      const at = fragment.toArray().indexOf(findArticle(writer.doc, A1)!);
      fragment.insert(at, [
        articleElement({ id: NEW, heading: 'Definiciones', paragraphs: ['Nuevo texto.'] }),
      ]);
    });
    await serverHas(server.wsUrl, drafter, documentId, (doc) => findArticle(doc, NEW) !== undefined);
    const res = await reviewer.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: NEW },
      body: 'Faltan definiciones de «paralegal».',
    });
    expect(res.status).toBe(201);
    threads.added = res.body.thread.id;
  });

  it('downloads CSV with a byte-order mark, one record per thread, clause then and now, accented names', async () => {
    const res = await report(coordinator, 'format=csv&version=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="acuerdo-regional-de-acceso-a-la-justicia-v1-dispositions\.csv"/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    expect(csv).toContain('María José Núñez');
    expect(csv).toContain('João Gonçalves');
    expect(csv).toContain('Fundación Acción, Justicia');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'N.º,Cláusula (Versión 1),Cláusula ahora,Texto citado,Comentario,Autor,Organización,País,Fecha,Estado,Respuestas,Decisión,Motivo,Registrada por',
    );
    // in the order of version 1: article 1, article 2's paragraph, article 3's paragraph, then the new one
    expect(csv).toContain(`1,Artículo 1,Artículo 2,,"Precisar ""acceso"", plazos\ny costes",João Gonçalves,`);
    expect(csv).toContain(
      `2,"Artículo 2, 1.","Artículo 3, 1.","${QUOTE.replace(/"/g, '""')}",¿Gratuita para quién?,María José Núñez,"Fundación Acción, Justicia",Colombia,`,
    );
    expect(csv).toContain(
      'No aceptado,"Fuera del mandato del Acuerdo, que no regula costas.",Coral Coordinadora (',
    );
    expect(csv).toContain(
      'Coral Coordinadora (Justicia Abierta, Argentina): Para quien no pueda pagar, según el art. 5.',
    );
    expect(csv).toContain(`3,"Artículo 3, 1.","Artículo 4, 1.",,${TEAM_COMMENT},Darío Redactor`);
    expect(csv).toContain('Abierto · solo equipo de redacción');
    expect(csv).toContain('4,(no figura en esta versión),Artículo 1,,Faltan definiciones de «paralegal».');
    expect(csv).toContain(',Pendiente,,');
  });

  it('downloads print-ready HTML in the language of the document, with every text escaped', async () => {
    const res = await report(drafter, 'format=html&version=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-disposition')).toContain('-v1-dispositions.html"');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<h1>Tratamiento de los comentarios</h1>');
    expect(html).toContain('<blockquote>&lt;jurídica&gt; &amp; &quot;gratuita&quot;</blockquote>');
    expect(html).not.toContain(QUOTE);
    expect(html).toContain('<td>Artículo 2, 1.</td><td>Artículo 3, 1.</td>');
    expect(html).toContain('<div class="decision">No aceptado</div>');
    expect(html).toContain('4 hilos de comentarios: No aceptado 1 · Se toma nota 1 · Pendiente 2');
  });

  it('downloads a Word file whose table reads back with the threads', async () => {
    const res = await report(reviewer, 'format=docx&version=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toContain('-v1-dispositions.docx"');
    const buffer = Buffer.from(await res.arrayBuffer());
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<table>');
    const { value: text } = await mammoth.extractRawText({ buffer });
    for (const expected of [
      'Tratamiento de los comentarios',
      'Cláusula (Versión 1)',
      'Artículo 2, 1.',
      'Artículo 3, 1.',
      QUOTE,
      'María José Núñez',
      'João Gonçalves',
      'No aceptado',
      'Fuera del mandato del Acuerdo, que no regula costas.',
      '(no figura en esta versión)',
    ])
      expect(text).toContain(expected);
    // a reviewer's report leaves out the drafting team's thread
    expect(text).not.toContain(TEAM_COMMENT);
  });

  it('reports on the live text in every format', async () => {
    for (const format of ['csv', 'html', 'docx']) {
      const res = await report(observer, `format=${format}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`-live-dispositions.${format}"`);
      const body = Buffer.from(await res.arrayBuffer());
      const text =
        format === 'docx' ? (await mammoth.extractRawText({ buffer: body })).value : body.toString('utf8');
      expect(text).toContain('Cláusula (Texto en curso)');
      expect(text).toContain('Faltan definiciones de «paralegal».');
      expect(text).toContain('João Gonçalves');
      expect(text).not.toContain('no figura en esta versión');
      expect(text).not.toContain(TEAM_COMMENT);
    }
    const explicit = await report(coordinator, 'format=csv&version=live');
    const csv = await explicit.text();
    expect(csv).toContain('1,Artículo 1,Artículo 1,,Faltan definiciones');
    expect(csv).toContain(TEAM_COMMENT);
  });

  it('is for members (every role reads it; the drafting team sees its own threads); bad input is 400/404', async () => {
    for (const member of [coordinator, drafter, reviewer, reviewer2, observer]) {
      const res = await report(member, 'format=csv&version=1');
      expect(res.status, member.name).toBe(200);
      const csv = await res.text();
      const team = member === coordinator || member === drafter;
      expect(csv.includes(TEAM_COMMENT), member.name).toBe(team);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(team ? 5 : 4);
    }
    const outside = await report(stranger, 'format=csv&version=1');
    expect(outside.status).toBe(404);
    expect((await outside.json()).error.code).toBe('not_found');
    const anonymous = await fetch(`${server.url}/api/documents/${documentId}/dispositions?format=csv`);
    expect(anonymous.status).toBe(401);

    const unknownVersion = await report(coordinator, 'format=csv&version=9');
    expect(unknownVersion.status).toBe(404);
    expect((await unknownVersion.json()).error.code).toBe('not_found');
    for (const query of [
      'format=pdf',
      'version=1',
      'format=csv&version=0',
      'format=csv&version=abc',
      'format=csv&x=1',
    ]) {
      const res = await report(coordinator, query);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code, query).toBe('validation_failed');
    }
    const malformed = await fetch(`${server.url}/api/documents/nope/dispositions?format=csv`, {
      headers: { cookie: coordinator.api.cookie },
    });
    expect(malformed.status).toBe(400);
    const missing = await fetch(
      `${server.url}/api/documents/0123456789abcdef01234567/dispositions?format=csv`,
      {
        headers: { cookie: coordinator.api.cookie },
      },
    );
    expect(missing.status).toBe(404);
  });
});
