import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { agreementMarkdown, createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';

/**
 * Publishing against the real server and database: numbers 1.0, 1.1, 2.0 under unique keys
 * (concurrent publishes, second publish of a version), immutability, the workflow moving to
 * `published`, the public page (only while the document is public, only the publication), its
 * downloads byte-identical to the stored hashes, verification of files, every role and bad input.
 */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let observer: NewUser;
let stranger: NewUser;
const providers: WebsocketProvider[] = [];
const FORMATS = ['html', 'md', 'docx', 'pdf', 'akn'] as const;

beforeAll(async () => {
  server = await startServer();
  const users = await Promise.all(Array.from({ length: 5 }, () => newUser(new ApiClient(server.url))));
  [coordinator, drafter, reviewer, observer, stranger] = users as [
    NewUser,
    NewUser,
    NewUser,
    NewUser,
    NewUser,
  ];
});

afterAll(async () => {
  for (const p of providers) p.destroy();
  await server?.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const anonymous = () => new ApiClient(server.url);

function agreement(title = 'Regional Agreement', articles = 3): Promise<string> {
  return createDocumentWithMembers(
    coordinator,
    { title, kind: 'agreement', content: importMarkdown(agreementMarkdown(title, articles)).json },
    [
      [drafter, 'drafter'],
      [reviewer, 'reviewer'],
      [observer, 'observer'],
    ],
  );
}

const freeze = (documentId: string, name: string) => freezeVersion(coordinator, documentId, name);

interface Presented {
  id: string;
  number: string;
  version: number;
  url: string;
  public: boolean;
  hashes: Record<(typeof FORMATS)[number], string>;
  canonicalHash: string;
  downloads: Record<string, string>;
  publishedBy: { id: string; name: string };
  publishedAt: string;
}

async function publish(documentId: string, version: number, release: 'major' | 'minor'): Promise<Presented> {
  const res = await coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
    version,
    release,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.publication;
}

async function download(
  url: string,
  cookie = '',
): Promise<{ status: number; body: Buffer; headers: Headers }> {
  const res = await fetch(server.url + url, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

async function upload(url: string, file: Buffer | null, cookie = '', field = 'file') {
  const form = new FormData();
  if (file) form.append(field, new Blob([new Uint8Array(file)]), 'copy.bin');
  else form.append('note', 'no file here');
  const res = await fetch(server.url + url, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie } : {},
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, body: json ? JSON.parse(text) : text, headers: res.headers };
}

describe('publishing', () => {
  it('publishes 1.0, then 1.1 (minor), then 2.0 (major); refuses a version twice; the workflow is published', async () => {
    const documentId = await agreement();
    const v1 = await freeze(documentId, 'One');
    await freeze(documentId, 'Two');
    await freeze(documentId, 'Three');

    const first = await publish(documentId, 1, 'minor');
    expect(first).toMatchObject({ number: '1.0', version: 1, url: `/p/${first.id}`, public: false });
    expect(first.id).toMatch(/^[0-9a-f]{24}$/);
    expect(first.canonicalHash).toBe(v1.hash);
    expect(Object.keys(first.hashes).sort()).toEqual([...FORMATS].sort());
    for (const hash of Object.values(first.hashes)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(first.hashes)).size).toBe(5);
    expect(first.publishedBy).toEqual({ id: coordinator.id, name: coordinator.name });

    expect((await publish(documentId, 2, 'minor')).number).toBe('1.1');
    expect((await publish(documentId, 3, 'major')).number).toBe('2.0');

    for (const release of ['minor', 'major']) {
      const again = await coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
        version: 1,
        release,
      });
      expect([again.status, again.body.error?.code]).toEqual([409, 'already_published']);
    }

    const listed = await observer.api.request('GET', `/api/documents/${documentId}/publications`);
    expect(listed.status).toBe(200);
    expect(listed.body.publications.map((p: Presented) => [p.number, p.version])).toEqual([
      ['2.0', 3],
      ['1.1', 2],
      ['1.0', 1],
    ]);
    const workflow = await observer.api.request('GET', `/api/documents/${documentId}/workflow`);
    expect(workflow.body.workflow).toMatchObject({ state: 'published', textLocked: true });
    const one = await reviewer.api.request('GET', `/api/publications/${first.id}`);
    expect(one.status).toBe(200);
    expect(one.body.publication).toEqual(first);
  });

  it('gives concurrent publishes distinct numbers, and only one of two publishes of the same version', async () => {
    const documentId = await agreement('Concurrent Plan', 1);
    for (let n = 1; n <= 4; n++) await freeze(documentId, `V${n}`);
    const results = await Promise.all(
      [1, 2, 3].map((version) =>
        coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
          version,
          release: 'minor',
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.publication.number).sort()).toEqual(['1.0', '1.1', '1.2']);

    const twice = await Promise.all(
      [0, 1].map(() =>
        coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
          version: 4,
          release: 'major',
        }),
      ),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(twice.find((r) => r.status === 201)!.body.publication.number).toBe('2.0');
    const listed = await coordinator.api.request('GET', `/api/documents/${documentId}/publications`);
    expect(listed.body.publications.map((p: Presented) => p.number)).toEqual(['2.0', '1.2', '1.1', '1.0']);
    const workflow = await coordinator.api.request('GET', `/api/documents/${documentId}/workflow`);
    expect(workflow.body.workflow.state).toBe('published');
  });

  it('has no route that changes or deletes a publication', async () => {
    const documentId = await agreement('Immutable', 1);
    await freeze(documentId, 'One');
    const published = await publish(documentId, 1, 'major');
    for (const method of ['PATCH', 'PUT', 'DELETE', 'POST']) {
      const res = await coordinator.api.request(method, `/api/publications/${published.id}`, {
        number: '9.9',
      });
      expect(res.status, method).toBe(404);
    }
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await coordinator.api.request(
        method,
        `/api/documents/${documentId}/publications/${published.id}`,
        method === 'DELETE' ? undefined : { number: '9.9' },
      );
      expect(res.status, method).toBe(404);
    }
    const after = await coordinator.api.request('GET', `/api/publications/${published.id}`);
    expect(after.body.publication).toEqual(published);
  });

  it('never serves an export that differs from the published file: 500 and an error in the log', async () => {
    const documentId = await agreement('Tampered', 1);
    await freeze(documentId, 'One');
    const published = await publish(documentId, 1, 'major');
    // what a renderer upgrade that changes bytes would look like: the stored hash no longer matches
    const db = await mongoose.createConnection(`${inject('mongodbUri')}${server.dbName}`).asPromise();
    try {
      await db
        .collection('publications')
        .updateOne(
          { _id: new mongoose.Types.ObjectId(published.id) },
          { $set: { 'hashes.pdf': '0'.repeat(64) } },
        );
    } finally {
      await db.close();
    }
    const res = await coordinator.api.request('GET', `/api/publications/${published.id}/export?format=pdf`);
    expect([res.status, res.body.error?.code]).toEqual([500, 'internal_error']);
    // the log line reaches this process through a pipe, after the answer may have
    await waitFor(
      () => server.logs().includes('published export no longer renders to its stored hash'),
      'the error in the server log',
    );
    const md = await download(published.downloads.md!, coordinator.api.cookie);
    expect(sha256(md.body)).toBe(published.hashes.md);
  });
});

describe('the public page', () => {
  it('shows only the publication, logged out, while the document is public; downloads match their hashes; verify', async () => {
    const documentId = await agreement('Acuerdo <Regional> & "Justicia"', 2);
    const content = await coordinator.api.request('GET', `/api/documents/${documentId}/content`);
    const clauseId = content.body.clauses[0].clauseId as string;
    const comment = await reviewer.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId },
      body: 'SECRET REVIEW COMMENT',
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(201);
    await freeze(documentId, 'Final text');

    // draft text typed after the version: in the live document, not in the publication
    const provider = openProvider(server.wsUrl, drafter.api.cookie, documentId, new Y.Doc());
    providers.push(provider);
    await whenSynced(provider);
    const fragment = provider.doc.getXmlFragment('default');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('UNPUBLISHED DRAFT TEXT')]);
    fragment.insert(fragment.length, [paragraph]);
    await waitFor(async () => {
      const live = await coordinator.api.request('GET', `/api/documents/${documentId}/export?format=md`);
      return String(live.body).includes('UNPUBLISHED DRAFT TEXT');
    }, 'the draft text on the server');

    const published = await publish(documentId, 1, 'major');
    const page = `/p/${published.id}`;
    const visitor = anonymous();

    // not public yet: 404 everywhere public, whoever asks
    expect((await visitor.request('GET', page)).status).toBe(404);
    expect((await coordinator.api.request('GET', page)).status).toBe(404);
    expect((await download(`${page}/download/pdf`)).status).toBe(404);
    expect((await upload(`${page}/verify`, Buffer.from('x'))).status).toBe(404);
    expect((await visitor.request('GET', `/api/publications/${published.id}`)).status).toBe(404);
    expect((await upload(`/api/publications/${published.id}/verify`, Buffer.from('x'))).status).toBe(404);

    const made = await coordinator.api.request('PATCH', `/api/documents/${documentId}`, { public: true });
    expect(made.status, JSON.stringify(made.body)).toBe(200);

    const res = await visitor.request('GET', page);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = res.body as string;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Acuerdo &lt;Regional&gt; &amp; &quot;Justicia&quot;');
    expect(html).not.toContain('<Regional>');
    expect(html).toContain('Publication 1.0');
    expect(html).toContain('Each Party shall do thing 2 &amp; more.');
    for (const format of FORMATS) {
      expect(html).toContain(published.hashes[format]);
      expect(html).toContain(`href="/p/${published.id}/download/${format}"`);
    }
    expect(html).toMatch(
      /<form method="post" action="\/p\/[0-9a-f]{24}\/verify" enctype="multipart\/form-data">/,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('UNPUBLISHED DRAFT TEXT');
    expect(html).not.toContain('SECRET REVIEW COMMENT');
    for (const user of [coordinator, drafter, reviewer, observer]) {
      expect(html).not.toContain(user.email);
    }
    expect(Buffer.byteLength(html)).toBeLessThan(30_000);

    const files: Record<string, Buffer> = {};
    for (const format of FORMATS) {
      const file = await download(`${page}/download/${format}`);
      expect(file.status, format).toBe(200);
      expect(sha256(file.body), format).toBe(published.hashes[format]);
      files[format] = file.body;
      // the API's export of a public document's publication, logged out: the same bytes
      const viaApi = await download(published.downloads[format]!);
      expect(viaApi.status, format).toBe(200);
      expect(viaApi.body.equals(file.body), format).toBe(true);
      expect(viaApi.headers.get('content-disposition')).toContain('publication-1.0');
    }
    expect(files.md!.toString('utf8')).not.toContain('UNPUBLISHED DRAFT TEXT');

    for (const format of FORMATS) {
      const verified = await upload(`/api/publications/${published.id}/verify`, files[format]!);
      expect(verified.status, JSON.stringify(verified.body)).toBe(200);
      expect(verified.body).toEqual({ match: true, format });
    }
    const modified = Buffer.concat([files.pdf!, Buffer.from('\n')]);
    const refused = await upload(`/api/publications/${published.id}/verify`, modified);
    expect(refused.body).toEqual({ match: false });

    const form = await upload(`${page}/verify`, files.akn!);
    expect(form.status).toBe(200);
    expect(form.body).toContain('data-match="true"');
    expect(form.body).toContain('Akoma Ntoso');
    const formMismatch = await upload(`${page}/verify`, modified);
    expect(formMismatch.body).toContain('data-match="false"');

    // public again → private: the page and its routes are gone, members still read it in the app
    await coordinator.api.request('PATCH', `/api/documents/${documentId}`, { public: false });
    expect((await visitor.request('GET', page)).status).toBe(404);
    expect((await download(`${page}/download/html`)).status).toBe(404);
    expect((await download(published.downloads.html!)).status).toBe(404);
    expect((await stranger.api.request('GET', `/api/publications/${published.id}`)).status).toBe(404);
    expect((await observer.api.request('GET', `/api/publications/${published.id}`)).status).toBe(200);
  });
});

describe('permissions and bad input', () => {
  it('lets coordinators publish, members read, and answers 404 (not 403) to non-members', async () => {
    const documentId = await agreement('Permissions', 1);
    await freeze(documentId, 'One');
    await freeze(documentId, 'Two');
    const publishUrl = `/api/documents/${documentId}/publications`;
    expect((await stranger.api.request('POST', publishUrl, { version: 1, release: 'major' })).status).toBe(
      404,
    );
    for (const member of [observer, reviewer, drafter]) {
      const res = await member.api.request('POST', publishUrl, { version: 1, release: 'major' });
      expect([res.status, res.body.error?.code]).toEqual([403, 'forbidden']);
    }
    expect((await anonymous().request('POST', publishUrl, { version: 1, release: 'major' })).status).toBe(
      401,
    );
    const published = await publish(documentId, 1, 'major');
    const file = await download(published.downloads.md!, coordinator.api.cookie);
    expect(file.status).toBe(200);

    const reads: [string, string][] = [
      ['GET', publishUrl],
      ['GET', `/api/publications/${published.id}`],
      ['GET', `/api/publications/${published.id}/export?format=md`],
    ];
    for (const [method, url] of reads) {
      expect((await stranger.api.request(method, url)).status, url).toBe(404);
      for (const member of [observer, reviewer, drafter, coordinator]) {
        expect((await member.api.request(method, url)).status, url).toBe(200);
      }
    }
    expect((await anonymous().request('GET', publishUrl)).status).toBe(401);
    expect((await anonymous().request('GET', `/api/publications/${published.id}`)).status).toBe(404);
    const verifyUrl = `/api/publications/${published.id}/verify`;
    expect((await upload(verifyUrl, file.body, stranger.api.cookie)).status).toBe(404);
    for (const member of [observer, reviewer, drafter, coordinator]) {
      const res = await upload(verifyUrl, file.body, member.api.cookie);
      expect([res.status, res.body]).toEqual([200, { match: true, format: 'md' }]);
    }
    // no member may publish the same version again, and the public page stays closed
    expect((await coordinator.api.request('POST', publishUrl, { version: 1, release: 'minor' })).status).toBe(
      409,
    );
    expect((await observer.api.request('GET', `/p/${published.id}`)).status).toBe(404);
  });

  it('answers bad input with 400, 404 or 413 and a stable code, writing nothing', async () => {
    const documentId = await agreement('Bad input', 1);
    await freeze(documentId, 'One');
    const published = await publish(documentId, 1, 'major');
    await coordinator.api.request('PATCH', `/api/documents/${documentId}`, { public: true });
    const base = `/api/documents/${documentId}/publications`;
    const unknown = '0123456789abcdef01234567';
    const cases: [string, string, unknown, number, string][] = [
      [
        'POST',
        '/api/documents/not-an-id/publications',
        { version: 1, release: 'major' },
        400,
        'validation_failed',
      ],
      ['POST', base, { version: 0, release: 'major' }, 400, 'validation_failed'],
      ['POST', base, { version: 1, release: 'patch' }, 400, 'validation_failed'],
      ['POST', base, { version: 1 }, 400, 'validation_failed'],
      ['POST', base, { version: 1, release: 'major', number: '5.0' }, 400, 'validation_failed'],
      ['POST', base, { version: 99, release: 'major' }, 404, 'not_found'],
      ['GET', '/api/documents/not-an-id/publications', undefined, 400, 'validation_failed'],
      ['GET', '/api/publications/not-an-id', undefined, 400, 'validation_failed'],
      ['GET', `/api/publications/${unknown}`, undefined, 404, 'not_found'],
      ['GET', `/api/publications/${published.id}/export?format=exe`, undefined, 400, 'validation_failed'],
      ['GET', `/api/publications/${published.id}/export`, undefined, 400, 'validation_failed'],
      ['GET', `/api/publications/${unknown}/export?format=pdf`, undefined, 404, 'not_found'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await coordinator.api.request(method, url, body);
      expect([res.status, res.body.error?.code], `${method} ${url}`).toEqual([status, code]);
    }

    const verify = `/api/publications/${published.id}/verify`;
    const missing = await upload(verify, null);
    expect([missing.status, missing.body.error?.code]).toEqual([400, 'validation_failed']);
    const otherField = await upload(verify, Buffer.from('hello'), '', 'attachment');
    expect(otherField.status).toBe(400);
    const json = await coordinator.api.request('POST', verify, { file: 'x' });
    expect([json.status, json.body.error?.code]).toEqual([400, 'validation_failed']);
    const text = await coordinator.api.request('POST', verify, 'plain', { 'content-type': 'text/plain' });
    expect([text.status, text.body.error?.code]).toEqual([415, 'unsupported_media_type']);
    const tooLarge = await upload(verify, Buffer.alloc(21 * 1024 * 1024, 1));
    expect([tooLarge.status, tooLarge.body.error?.code]).toEqual([413, 'upload_too_large']);
    expect((await upload(`/api/publications/not-an-id/verify`, Buffer.from('x'))).status).toBe(400);
    expect((await upload(`/api/publications/${unknown}/verify`, Buffer.from('x'))).status).toBe(404);

    // the public routes, logged out
    expect((await download('/p/not-an-id')).status).toBe(400);
    expect((await download(`/p/${unknown}`)).status).toBe(404);
    expect((await download(`/p/${published.id}/download/exe`)).status).toBe(400);
    expect((await download(`/p/${unknown}/download/pdf`)).status).toBe(404);
    expect((await upload(`/p/${published.id}/verify`, null)).status).toBe(400);
    expect((await upload(`/p/${published.id}/verify`, Buffer.alloc(21 * 1024 * 1024, 1))).status).toBe(413);

    const listed = await coordinator.api.request('GET', base);
    expect(listed.body.publications.map((p: Presented) => p.number)).toEqual(['1.0']);
  });
});
