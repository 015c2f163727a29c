import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { withDatabase } from '../helpers/database.js';
import { agreementMarkdown, createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';

/**
 * A publication's exports list the organisations that endorsed it (from the sign-off the
 * publication records when it is made), and still render to the hashes stored at publication;
 * a publication without a recorded sign-off renders as before.
 */
const SCHEMA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'data',
  'akn',
  'akomantoso30.xsd',
);
const FORMATS = ['html', 'md', 'docx', 'pdf', 'akn'] as const;
type Format = (typeof FORMATS)[number];

let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let reviewer: NewUser;
let outsider: NewUser;
const tag = randomBytes(3).toString('hex');
const dir = mkdtempSync(path.join(tmpdir(), 'accord-signoff-exports-'));

beforeAll(async () => {
  server = await startServer();
  const make = (name: string, country: string) =>
    newUser(new ApiClient(server.url), {
      organisation: { name: `${name} ${tag}`, kind: 'civil_society', country },
    });
  coordinator = await make('Secretariat', 'CL');
  drafter = await make('Ministerio de Justicia', 'PE');
  reviewer = await make('Fundación Acceso', 'AR');
  outsider = await make('Observers Network', 'CL');
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const day = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** A document with a frozen version 1, and its members' organisation ids. */
async function documentWithVersion() {
  const documentId = await createDocumentWithMembers(
    coordinator,
    {
      title: 'Regional Agreement',
      kind: 'agreement',
      content: importMarkdown(agreementMarkdown('R', 2)).json,
    },
    [
      [drafter, 'drafter'],
      [reviewer, 'reviewer'],
      [outsider, 'reviewer'],
    ],
  );
  await freezeVersion(coordinator, documentId, 'Final draft');
  const members = await coordinator.api.request('GET', `/api/documents/${documentId}/members`);
  const orgOf = (user: NewUser) =>
    members.body.members.find((m: { userId: string }) => m.userId === user.id).organisation.id as string;
  return { documentId, ministry: orgOf(drafter), fundacion: orgOf(reviewer), network: orgOf(outsider) };
}

const signoff = (user: NewUser, documentId: string, path: string, body: unknown) =>
  user.api.request('POST', `/api/documents/${documentId}/versions/1/signoff${path}`, body);

async function publish(documentId: string, extra: Record<string, unknown> = {}) {
  const res = await coordinator.api.request('POST', `/api/documents/${documentId}/publications`, {
    version: 1,
    release: 'major',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.publication as { id: string; hashes: Record<Format, string> };
}

/** Every export of the publication, each checked by the server against its stored hash (else 500). */
async function exportsOf(publication: { id: string; hashes: Record<Format, string> }) {
  const files = {} as Record<Format, Buffer>;
  for (const format of FORMATS) {
    const res = await fetch(`${server.url}/api/publications/${publication.id}/export?format=${format}`, {
      headers: { cookie: coordinator.api.cookie },
    });
    expect(res.status, format).toBe(200);
    files[format] = Buffer.from(await res.arrayBuffer());
    expect(sha256(files[format]), format).toBe(publication.hashes[format]);
  }
  return files;
}

async function verifies(publicationId: string, file: Buffer): Promise<boolean> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'copy.bin');
  const res = await fetch(`${server.url}/api/publications/${publicationId}/verify`, {
    method: 'POST',
    body: form,
    headers: { cookie: coordinator.api.cookie },
  });
  return ((await res.json()) as { match: boolean }).match;
}

function validAkn(xml: Buffer): void {
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  expect(result.stderr.trim()).toMatch(/validates$/);
  expect(result.status).toBe(0);
}

const storedSignoff = (publicationId: string) =>
  withDatabase(server.dbName, async (db) => {
    const record = await db.collection('publications').findOne({ _id: new ObjectId(publicationId) });
    return record?.signoff;
  });

describe('endorsements in the exports of a publication', () => {
  it('lists both endorsing organisations with their dates in every format, and the hashes hold', async () => {
    const { documentId, ministry, fundacion } = await documentWithVersion();
    expect(
      (await signoff(coordinator, documentId, '', { organisationIds: [ministry, fundacion] })).status,
    ).toBe(201);
    expect(
      (
        await signoff(drafter, documentId, '/decisions', {
          decision: 'endorse',
          note: 'Approved by the minister',
        })
      ).status,
    ).toBe(201);
    const last = await signoff(reviewer, documentId, '/decisions', { decision: 'endorse' });
    expect(last.status).toBe(201);
    const at = (org: string) =>
      last.body.round.organisations.find((o: { organisation: { id: string } }) => o.organisation.id === org)
        .latest.at as string;
    const published = await publish(documentId);
    const files = await exportsOf(published);

    const ministryLine = `Ministerio de Justicia ${tag} (PE) — ${day(at(ministry))}, ${drafter.name} — Approved by the minister`;
    const fundacionLine = `Fundación Acceso ${tag} (AR) — ${day(at(fundacion))}, ${reviewer.name}`;
    const html = files.html.toString('utf8');
    expect(html).toContain('<h2>Endorsed by</h2>');
    expect(html).toContain(ministryLine);
    expect(html).toContain(fundacionLine);
    const md = files.md.toString('utf8');
    expect(md).toContain('## Endorsed by');
    expect(md).toContain(`- ${ministryLine}`);
    const docx = (await mammoth.extractRawText({ buffer: files.docx })).value;
    expect(docx).toContain(ministryLine);
    expect(docx).toContain(fundacionLine);
    const pdf = spawnSync('pdftotext', ['-', '-'], { input: files.pdf, encoding: 'utf8' }).stdout;
    expect(pdf.replace(/\s+/g, ' ')).toContain(fundacionLine);
    validAkn(files.akn);
    const akn = files.akn.toString('utf8');
    expect(akn).toContain(
      `<step date="${at(ministry).slice(0, 10)}" by="#org_ministerio-de-justicia-${tag}"`,
    );
    expect(akn).toContain(`<date date="${at(fundacion).slice(0, 10)}">${day(at(fundacion))}</date>`);

    for (const format of FORMATS) expect(await verifies(published.id, files[format]), format).toBe(true);
    const stored = await storedSignoff(published.id);
    expect(stored.endorsements.map((e: { organisation: string }) => e.organisation)).toEqual([
      `Ministerio de Justicia ${tag}`,
      `Fundación Acceso ${tag}`,
    ]);
  });

  it('shows the reason a coordinator gave for publishing without every endorsement', async () => {
    const { documentId, ministry, network } = await documentWithVersion();
    expect(
      (await signoff(coordinator, documentId, '', { organisationIds: [ministry, network] })).status,
    ).toBe(201);
    expect((await signoff(drafter, documentId, '/decisions', { decision: 'endorse' })).status).toBe(201);
    const published = await publish(documentId, { overrideReason: 'Mandate from the plenary' });
    const files = await exportsOf(published);
    expect(files.html.toString('utf8')).toContain(
      `<p class="override">Published without every endorsement. Reason: Mandate from the plenary (${coordinator.name}, `,
    );
    expect(files.html.toString('utf8')).not.toContain('Observers Network');
    validAkn(files.akn);
  });

  it('renders a publication without a recorded sign-off as before: no section, the hashes hold', async () => {
    const { documentId } = await documentWithVersion();
    const published = await publish(documentId);
    expect(await storedSignoff(published.id)).toBeUndefined();
    const files = await exportsOf(published);
    expect(files.html.toString('utf8')).not.toContain('Endorsed by');
    expect(files.akn.toString('utf8')).not.toContain('endorse');
    for (const format of FORMATS) expect(await verifies(published.id, files[format]), format).toBe(true);
  });
});
