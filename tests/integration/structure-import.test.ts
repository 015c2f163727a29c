import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Limits, validateDocument } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser } from '../helpers/api.js';
import { buildDocx, buildZip, documentXml, DOCX_TYPE, type DocxParagraph } from '../helpers/docx.js';

/** POST /api/imports/preview (.docx through mammoth, Markdown) and creating a document from it. */
let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startServer();
  api = new ApiClient(server.url);
  await newUser(api);
});

afterAll(async () => {
  await server?.stop();
});

/** Sends a file as the raw request body, as the import screen does. */
async function preview(body: Buffer | string, type: string, client = api) {
  const headers: Record<string, string> = { 'content-type': type };
  if (client.cookie) headers.cookie = client.cookie;
  const payload: BodyInit = typeof body === 'string' ? body : new Blob([new Uint8Array(body)]);
  const response = await fetch(`${server.url}/api/imports/preview`, {
    method: 'POST',
    headers,
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const CHAPTERS = ['General provisions', 'Rights and obligations', 'Final provisions'];

/** An agreement of 45 articles in 3 chapters, written the ways real drafts are. */
function agreementParagraphs(): DocxParagraph[] {
  const out: DocxParagraph[] = [
    { style: 'Title', runs: 'Regional Agreement on Access to Justice' },
    { runs: 'The Parties to this Agreement,' },
    { runs: 'Recognizing that access to justice is a human right,' },
    { runs: 'Determined to remove the barriers faced by people in vulnerable situations,' },
    { runs: 'Have agreed as follows:' },
  ];
  for (let n = 1; n <= 45; n++) {
    if (n === 1 || n === 16 || n === 31) {
      out.push({
        style: 'Heading1',
        runs: `Chapter ${['I', 'II', 'III'][Math.floor(n / 15)]} — ${CHAPTERS[Math.floor(n / 15)]}`,
      });
    }
    if (n % 3 === 0) {
      // "Article 3" on its own line, heading on the next
      out.push({ runs: `Article ${n}` }, { runs: `Heading ${n}` });
    } else {
      out.push({ style: 'Heading2', runs: `Article ${n} — Heading ${n}` });
    }
    out.push({
      list: { numId: 1, level: 0 },
      runs: [{ text: `Each Party shall ` }, { text: `guarantee`, bold: true }, { text: ` right ${n}.` }],
    });
    if (n % 5 === 0) {
      out.push({ list: { numId: 1, level: 1 }, runs: `first measure of ${n};` });
      out.push({ list: { numId: 1, level: 1 }, runs: `second measure of ${n}.` });
    }
    out.push({ list: { numId: 1, level: 0 }, runs: `Each Party shall report on article ${n}.` });
  }
  out.push({ runs: 'Done at Santiago, on 1 March 2027' });
  return out;
}

/**
 * 200 MiB of one repeated paragraph deflates to a few hundred KiB. Built before the server starts:
 * building it takes seconds on a loaded machine, and a test that stalls its own event loop longer
 * than the server's keep-alive timeout (5 s) may then send on a connection the server just closed.
 */
const ZIP_BOMB = buildZip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  {
    name: 'word/document.xml',
    data: Buffer.alloc(
      200 * 1024 * 1024,
      Buffer.from(documentXml([{ runs: 'x'.repeat(1000) }]).slice(0, 2000)),
    ),
  },
]);

describe('importing a .docx', () => {
  it('detects title, preamble, 3 chapters, 45 articles with paragraphs and points', async () => {
    const res = await preview(buildDocx(agreementParagraphs()), DOCX_TYPE);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
    const { json, summary } = res.body;
    expect(summary.format).toBe('docx');
    expect(summary.title).toBe('Regional Agreement on Access to Justice');
    expect(summary.counts).toMatchObject({
      chapters: 3,
      articles: 45,
      paragraphs: 90,
      points: 18,
      recitals: 2,
    });
    expect(summary.problems).toEqual([]);
    expect(validateDocument(json)).toEqual([]);
    const chapters = json.content.filter((n: any) => n.type === 'chapter');
    expect(chapters).toHaveLength(3);
    expect(chapters[0].content[0].content[0].text).toBe('General provisions');
    const firstArticle = chapters[0].content[1];
    expect(firstArticle.content[0].content[0].text).toBe('Heading 1');
    // bold survives
    const sentence = firstArticle.content[1].content[0].content;
    expect(sentence.find((t: any) => t.text === 'guarantee').marks).toEqual([{ type: 'bold' }]);
    // "Article 3" + next line "Heading 3"
    expect(chapters[0].content[3].content[0].content[0].text).toBe('Heading 3');
  });

  it('creates the document from the preview: the outline numbers all 45 articles', async () => {
    const { body: previewBody } = await preview(buildDocx(agreementParagraphs()), DOCX_TYPE);
    const created = await api.request('POST', '/api/documents', {
      title: previewBody.summary.title,
      kind: 'agreement',
      content: previewBody.json,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const outline = await api.request('GET', `/api/documents/${created.body.document.id}/outline`);
    expect(outline.status).toBe(200);
    expect(outline.body.title).toBe('Regional Agreement on Access to Justice');
    const articles = outline.body.clauses.filter((c: any) => c.kind === 'article');
    expect(articles.map((a: any) => a.label)).toEqual(
      Array.from({ length: 45 }, (_, i) => `Article ${i + 1}`),
    );
    expect(articles[44].heading).toBe('Heading 45');
    expect(outline.body.clauses.filter((c: any) => c.kind === 'chapter').map((c: any) => c.label)).toEqual([
      'Chapter I',
      'Chapter II',
      'Chapter III',
    ]);
    expect(outline.body.problems).toEqual([]);
  });

  it('reads Spanish and French structure lines, "Article 1er", bullets and typed markers', async () => {
    const es = await preview(
      buildDocx([
        { style: 'Title', runs: 'Acuerdo Regional' },
        { runs: 'CAPÍTULO I' },
        { runs: 'Disposiciones generales' },
        { runs: 'Artículo 1. Objeto' },
        { runs: '1. El objeto del presente Acuerdo es garantizar:' },
        { runs: 'a) el acceso a la información;' },
        { runs: 'b) la participación pública.' },
        { runs: 'Artículo 2. Definiciones' },
        { list: { numId: 2, level: 0 }, runs: 'una definición' },
      ]),
      DOCX_TYPE,
    );
    expect(es.status).toBe(200);
    expect(es.body.summary.counts).toMatchObject({ chapters: 1, articles: 2, paragraphs: 1, points: 3 });
    const fr = await preview(
      buildDocx([
        { style: 'Title', runs: 'Accord régional' },
        { style: 'Heading2', runs: 'Article 1er — Objet' },
        { runs: 'Le présent accord a pour objet …' },
        { style: 'Heading2', runs: 'Article 2 — Définitions' },
        { runs: 'Aux fins du présent accord …' },
      ]),
      DOCX_TYPE,
    );
    expect(fr.status).toBe(200);
    expect(fr.body.summary.counts.articles).toBe(2);
    expect(fr.body.summary.warnings).toEqual([]);
  });

  it('refuses what is not a .docx with 400 import_invalid_file', async () => {
    const random = await preview(randomBytes(4096), DOCX_TYPE);
    expect(random.status).toBe(400);
    expect(random.body.error.code).toBe('import_invalid_file');

    const noDocument = await preview(buildZip([{ name: 'hello.txt', data: 'hello' }]), DOCX_TYPE);
    expect(noDocument.status).toBe(400);
    expect(noDocument.body.error).toMatchObject({ code: 'import_invalid_file' });
    expect(noDocument.body.error.message).toMatch(/word\/document\.xml/);

    const oldDoc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(2000),
    ]);
    const ole = await preview(oldDoc, DOCX_TYPE);
    expect(ole.status).toBe(400);
    expect(ole.body.error.message).toMatch(/\.doc/);

    const brokenXml = await preview(
      buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<w:document><w:body><w:p>' },
      ]),
      DOCX_TYPE,
    );
    expect(brokenXml.status).toBe(400);
    expect(brokenXml.body.error.code).toBe('import_invalid_file');

    const empty = await preview(Buffer.alloc(0), DOCX_TYPE);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('import_invalid_file');
  });

  it('refuses zip bombs before unpacking them: huge entries, lying headers, too many entries', async () => {
    const bomb = ZIP_BOMB;
    expect(bomb.length).toBeLessThan(Limits.importBytes);
    const started = Date.now();
    const res = await preview(bomb, DOCX_TYPE);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_archive_too_large');
    expect(Date.now() - started).toBeLessThan(5_000);

    // headers claim 1 KiB, the data inflates to 20 MiB
    const liar = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20), declaredSize: 1024 },
    ]);
    const lied = await preview(liar, DOCX_TYPE);
    expect(lied.status).toBe(400);
    expect(lied.body.error.code).toBe('import_archive_too_large');

    const many = buildZip([
      { name: 'word/document.xml', data: documentXml([{ runs: 'x' }]) },
      ...Array.from({ length: 2_500 }, (_, i) => ({ name: `word/media/f${i}.xml`, data: '', store: true })),
    ]);
    const tooMany = await preview(many, DOCX_TYPE);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('import_archive_too_large');
  });

  it('refuses files over the size limit with 413 import_too_large, and other types with 415', async () => {
    const big = await preview(Buffer.alloc(Limits.importBytes + 1, 0x61), 'text/markdown');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('import_too_large');

    const pdf = await preview(Buffer.from('%PDF-1.7'), 'application/pdf');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.code).toBe('unsupported_media_type');
  });

  it('needs a session (401); the server stays healthy after every bad file', async () => {
    const anonymous = await preview('# Title', 'text/markdown', new ApiClient(server.url));
    expect(anonymous.status).toBe(401);
    const health = await api.request('GET', '/api/health');
    expect(health.status).toBe(200);
  });
});

describe('importing Markdown', () => {
  it('detects the structure of a Markdown agreement', async () => {
    const lines = [
      '# Action on Legal Aid',
      '',
      'The Parties,',
      '',
      '- Recognizing the need for legal aid,',
      '',
      'Have agreed as follows:',
      '',
    ];
    for (let n = 1; n <= 12; n++) {
      lines.push(
        `## Article ${n} — Provision ${n}`,
        '',
        `1. First paragraph of article ${n}:`,
        `   a) a point;`,
        `   b) another point.`,
        `2. Second paragraph.`,
        '',
      );
    }
    const res = await preview(lines.join('\n'), 'text/markdown; charset=utf-8');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.summary).toMatchObject({
      format: 'markdown',
      title: 'Action on Legal Aid',
      counts: { articles: 12, paragraphs: 24, points: 24, recitals: 1 },
      problems: [],
    });
    const created = await api.request('POST', '/api/documents', {
      title: 'Action on Legal Aid',
      content: res.body.json,
    });
    expect(created.status).toBe(201);
    const outline = await api.request('GET', `/api/documents/${created.body.document.id}/outline`);
    const labels = outline.body.clauses.filter(
      (c: any) => c.clauseId && c.parentId === outline.body.clauses[1].clauseId,
    );
    expect(labels.map((c: any) => c.label)).toEqual(['1.', '2.']);
  });

  it('refuses text that is not UTF-8 and empty files', async () => {
    const latin1 = await preview(
      Buffer.from([0x41, 0x72, 0x74, 0xed, 0x63, 0x75, 0x6c, 0x6f, 0xff, 0xfe]),
      'text/plain',
    );
    expect(latin1.status).toBe(400);
    expect(latin1.body.error.code).toBe('import_invalid_file');
    const blank = await preview('   \n\n', 'text/plain');
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('import_invalid_file');
  });
});
