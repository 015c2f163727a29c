import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { importMarkdown } from '@accord/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { agreementMarkdown, createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';

/**
 * Versions, comparison, workflow and exports against the real server, a real database and stock
 * y-websocket clients: freeze → two clients edit at once → freeze → compare returns exactly what
 * changed; concurrent freezes; restore; locked states drop edits; every role on every route.
 */
let server: TestServer;
let coordinator: NewUser;
let drafter: NewUser;
let drafter2: NewUser;
let reviewer: NewUser;
let observer: NewUser;
let stranger: NewUser;
const providers: WebsocketProvider[] = [];
const schema = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'data',
  'akn',
  'akomantoso30.xsd',
);

beforeAll(async () => {
  server = await startServer();
  const users = await Promise.all(Array.from({ length: 6 }, () => newUser(new ApiClient(server.url))));
  [coordinator, drafter, drafter2, reviewer, observer, stranger] = users as NewUser[] as [
    NewUser,
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

function agreement(articles = 6): Promise<string> {
  return createDocumentWithMembers(
    coordinator,
    {
      title: 'Regional Agreement',
      kind: 'agreement',
      content: importMarkdown(agreementMarkdown('Regional Agreement', articles)).json,
    },
    [
      [drafter, 'drafter'],
      [drafter2, 'drafter'],
      [reviewer, 'reviewer'],
      [observer, 'observer'],
    ],
  );
}

async function open(user: NewUser, documentId: string): Promise<WebsocketProvider> {
  const provider = openProvider(server.wsUrl, user.api.cookie, documentId, new Y.Doc());
  providers.push(provider);
  await whenSynced(provider);
  return provider;
}

const articles = (doc: Y.Doc) =>
  doc
    .getXmlFragment('default')
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article');

/** The text node of an article's first numbered paragraph. */
function articleText(doc: Y.Doc, index: number): Y.XmlText {
  const article = articles(doc)[index]!;
  const numbered = article
    .toArray()
    .find((n) => n instanceof Y.XmlElement && n.nodeName === 'numberedParagraph') as Y.XmlElement;
  return (numbered.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const bodyText = (doc: Y.Doc) =>
  articles(doc)
    .map((a) => a.toString())
    .join('\n');

const freeze = (documentId: string, name: string) => freezeVersion(coordinator, documentId, name);

describe('versions and comparison', () => {
  it('freeze → two clients edit at once → freeze → compare returns exactly the changes', async () => {
    const documentId = await agreement();
    const first = await freeze(documentId, 'Draft after the Bogotá meeting');
    expect(first.number).toBe(1);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);

    const a = await open(drafter, documentId);
    const b = await open(drafter2, documentId);
    // at once: one drafter rewords article 2, the other removes article 4 and adds a new article
    articleText(a.doc, 1).insert(0, 'Subject to national law, ');
    b.doc.transact(() => {
      const fragment = b.doc.getXmlFragment('default');
      fragment.delete(fragment.toArray().indexOf(articles(b.doc)[3]!), 1);
    });
    await waitFor(
      () => articles(a.doc).length === 5 && bodyText(b.doc).includes('Subject to national law'),
      'both edits everywhere',
    );

    const second = await freeze(documentId, 'Second round');
    expect(second.number).toBe(2);
    expect(second.changes).toEqual({ added: 0, removed: 2, modified: 1, moved: 0 });

    const compared = await coordinator.api.request('GET', `/api/documents/${documentId}/compare?from=1&to=2`);
    expect(compared.status).toBe(200);
    const byChange = (change: string) =>
      (
        compared.body.entries as { changes: string[]; oldNumber: string | null; newNumber: string | null }[]
      ).filter((e) => e.changes.includes(change));
    // the removed article and its paragraph
    expect(byChange('removed').map((e) => e.oldNumber)).toEqual(['4', '1']);
    const modified = byChange('modified');
    expect(modified).toHaveLength(1);
    const text = (modified[0] as unknown as { text: { value: string; added?: boolean }[] }).text;
    expect(
      text
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toBe('Subject to national law, ');
    // articles 5 and 6 became 4 and 5: renumbered, quietly, not modified
    expect(
      byChange('renumbered')
        .filter((e) => e.oldNumber === '5' || e.oldNumber === '6')
        .map((e) => [e.oldNumber, e.newNumber]),
    ).toEqual([
      ['5', '4'],
      ['6', '5'],
    ]);
    expect(compared.body.summary).toMatchObject({ added: 0, removed: 2, modified: 1, moved: 0 });

    // live against the newest version: nothing changed since
    const live = await drafter.api.request('GET', `/api/documents/${documentId}/compare?from=2&to=live`);
    expect(live.body.hasChanges).toBe(false);
  });

  it('gives two concurrent freezes two consecutive numbers, and lists newest first', async () => {
    const documentId = await agreement(2);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        coordinator.api.request('POST', `/api/documents/${documentId}/versions`, { name: `Freeze ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.version.number).sort()).toEqual([1, 2, 3, 4]);
    const listed = await observer.api.request('GET', `/api/documents/${documentId}/versions`);
    expect(listed.body.versions.map((v: { number: number }) => v.number)).toEqual([4, 3, 2, 1]);
    const one = await observer.api.request('GET', `/api/documents/${documentId}/versions/1`);
    expect(one.status).toBe(200);
    expect(one.body.content.clauses.filter((c: { kind: string }) => c.kind === 'article')).toHaveLength(2);
  });

  it('restores a version as a new change that open editors see at once', async () => {
    const documentId = await agreement(3);
    await freeze(documentId, 'Before the rewrite');
    const a = await open(drafter, documentId);
    articleText(a.doc, 0).insert(0, 'REWRITTEN ');
    const watcher = await open(observer, documentId);
    await waitFor(() => bodyText(watcher.doc).includes('REWRITTEN'), 'the edit');
    const restored = await coordinator.api.request('POST', `/api/documents/${documentId}/versions/1/restore`);
    expect(restored.status).toBe(200);
    await waitFor(
      () => !bodyText(watcher.doc).includes('REWRITTEN') && !bodyText(a.doc).includes('REWRITTEN'),
      'the restore everywhere',
    );
    const compared = await coordinator.api.request(
      'GET',
      `/api/documents/${documentId}/compare?from=1&to=live`,
    );
    expect(compared.body.hasChanges).toBe(false);
    // history is kept: versions are never rewritten, and the restore is recorded
    const versions = await coordinator.api.request('GET', `/api/documents/${documentId}/versions`);
    expect(versions.body.versions).toHaveLength(1);
  });

  it('lets reviewers and drafters propose a freeze, which a coordinator confirms or dismisses', async () => {
    const documentId = await agreement(1);
    expect(
      (await observer.api.request('POST', `/api/documents/${documentId}/version-proposals`, { name: 'x' }))
        .status,
    ).toBe(403);
    const proposed = await reviewer.api.request('POST', `/api/documents/${documentId}/version-proposals`, {
      name: 'Ready for review',
      note: 'All comments answered',
    });
    expect(proposed.status).toBe(201);
    const other = await drafter.api.request('POST', `/api/documents/${documentId}/version-proposals`, {
      name: 'Too early',
    });
    const id = proposed.body.proposal.id as string;
    expect(
      (await drafter.api.request('POST', `/api/documents/${documentId}/version-proposals/${id}/confirm`, {}))
        .status,
    ).toBe(403);
    const confirmations = await Promise.all([
      coordinator.api.request('POST', `/api/documents/${documentId}/version-proposals/${id}/confirm`, {}),
      coordinator.api.request('POST', `/api/documents/${documentId}/version-proposals/${id}/dismiss`),
    ]);
    expect(confirmations.map((r) => r.status).sort()).toContain(409);
    const dismissed = await coordinator.api.request(
      'POST',
      `/api/documents/${documentId}/version-proposals/${other.body.proposal.id}/dismiss`,
    );
    expect(dismissed.status).toBe(204);
    const listed = await observer.api.request('GET', `/api/documents/${documentId}/version-proposals`);
    const statuses = Object.fromEntries(
      listed.body.proposals.map((p: { name: string; status: string }) => [p.name, p.status]),
    );
    expect(statuses['Too early']).toBe('dismissed');
    expect(['confirmed', 'dismissed']).toContain(statuses['Ready for review']);
  });
});

describe('workflow', () => {
  it('drops every role’s edits while the text is locked, and takes them again when unlocked', async () => {
    const documentId = await agreement(2);
    await freeze(documentId, 'Before review');
    const a = await open(drafter, documentId);
    const c = await open(coordinator, documentId);
    const watcher = await open(observer, documentId);
    const review = await coordinator.api.request('POST', `/api/documents/${documentId}/workflow`, {
      to: 'review',
      lockText: true,
      note: 'Final review',
    });
    expect(review.status).toBe(200);
    expect(review.body.workflow).toMatchObject({ state: 'review', textLocked: true });
    articleText(a.doc, 0).insert(0, 'LOCKED-DRAFTER ');
    articleText(c.doc, 1).insert(0, 'LOCKED-COORDINATOR ');
    // a marker edit after the lock is lifted proves the locked ones were dropped, not delayed
    await new Promise((r) => setTimeout(r, 300));
    const final = await coordinator.api.request('POST', `/api/documents/${documentId}/workflow`, {
      to: 'final',
    });
    expect(final.body.workflow).toMatchObject({ state: 'final', textLocked: true });
    expect(
      (await coordinator.api.request('POST', `/api/documents/${documentId}/versions/1/restore`)).body.error
        .code,
    ).toBe('text_locked');
    expect(
      (await coordinator.api.request('PATCH', `/api/documents/${documentId}`, { title: 'New' })).body.error
        .code,
    ).toBe('text_locked');
    const back = await coordinator.api.request('POST', `/api/documents/${documentId}/workflow`, {
      to: 'drafting',
    });
    expect(back.body.workflow).toMatchObject({ state: 'drafting', textLocked: false });
    const fresh = await open(drafter2, documentId);
    articleText(fresh.doc, 0).insert(0, 'UNLOCKED ');
    await waitFor(() => bodyText(watcher.doc).includes('UNLOCKED'), 'the edit after unlocking');
    expect(bodyText(watcher.doc)).not.toContain('LOCKED-');
    expect(bodyText(fresh.doc)).not.toContain('LOCKED-');
    const content = await observer.api.request('GET', `/api/documents/${documentId}/content`);
    expect(JSON.stringify(content.body)).not.toContain('LOCKED-');
    const document = await observer.api.request('GET', `/api/documents/${documentId}`);
    expect(document.body.document).toMatchObject({ state: 'drafting', textLocked: false });
  });

  it('lets one of two concurrent state changes win; the other gets 409', async () => {
    const documentId = await agreement(1);
    const results = await Promise.all([
      coordinator.api.request('POST', `/api/documents/${documentId}/workflow`, {
        to: 'review',
        from: 'drafting',
      }),
      coordinator.api.request('POST', `/api/documents/${documentId}/workflow`, {
        to: 'final',
        from: 'drafting',
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    // both concurrent (the unique seq refuses one) and one after the other (`from` is stale): one event
    const winner = results.find((r) => r.status === 200)!.body.workflow.state;
    const workflow = await coordinator.api.request('GET', `/api/documents/${documentId}/workflow`);
    expect(workflow.body.workflow.state).toBe(winner);
  });
});

describe('exports', () => {
  it('downloads every format of a version, named after document, version and format; Akoma Ntoso validates', async () => {
    const documentId = await agreement(3);
    await freeze(documentId, 'First');
    const expected = {
      html: 'text/html',
      md: 'text/markdown',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      akn: 'application/akn+xml',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await fetch(`${server.url}/api/documents/${documentId}/export?format=${format}&version=1`, {
        headers: { cookie: observer.api.cookie },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(
        /filename="regional-agreement-v1\.(html|md|docx|pdf|xml)"/,
      );
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.byteLength).toBeGreaterThan(100);
      if (format === 'akn') {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'akn-')), 'export.xml');
        fs.writeFileSync(file, body);
        execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
      }
    }
    const live = await drafter.api.request('GET', `/api/documents/${documentId}/export?format=md`);
    expect(live.status).toBe(200);
    // Markdown-escaped as the exporter writes it
    expect(live.body).toContain('Each Party shall do thing 1 \\& more.');
  });
});

describe('permissions and bad input', () => {
  it('answers 404 to non-members on every route and 403 to members whose role lacks the ability', async () => {
    const documentId = await agreement(1);
    await freeze(documentId, 'One');
    const reads = [
      ['GET', '/versions'],
      ['GET', '/versions/1'],
      ['GET', '/version-proposals'],
      ['GET', '/compare?from=1&to=live'],
      ['GET', '/export?format=html&version=1'],
      ['GET', '/workflow'],
    ] as const;
    const writes = [
      ['POST', '/versions', { name: 'x' }],
      ['POST', '/versions/1/restore', undefined],
      ['POST', '/workflow', { to: 'review' }],
    ] as const;
    for (const [method, route] of reads) {
      expect((await stranger.api.request(method, `/api/documents/${documentId}${route}`)).status, route).toBe(
        404,
      );
      expect((await observer.api.request(method, `/api/documents/${documentId}${route}`)).status, route).toBe(
        200,
      );
    }
    for (const [method, route, body] of writes) {
      expect(
        (await stranger.api.request(method, `/api/documents/${documentId}${route}`, body)).status,
        route,
      ).toBe(404);
      for (const member of [observer, reviewer, drafter]) {
        expect(
          (await member.api.request(method, `/api/documents/${documentId}${route}`, body)).status,
          route,
        ).toBe(403);
      }
    }
    expect(
      (await new ApiClient(server.url).request('GET', `/api/documents/${documentId}/versions`)).status,
    ).toBe(401);
    // freeze proposals: a non-member learns nothing; only coordinators answer
    const proposal = await reviewer.api.request('POST', `/api/documents/${documentId}/version-proposals`, {
      name: 'Proposed',
    });
    expect(proposal.status).toBe(201);
    const proposalPath = `/api/documents/${documentId}/version-proposals/${proposal.body.proposal.id}`;
    expect(
      (await stranger.api.request('POST', `/api/documents/${documentId}/version-proposals`, { name: 'x' }))
        .status,
    ).toBe(404);
    for (const action of ['confirm', 'dismiss']) {
      expect((await stranger.api.request('POST', `${proposalPath}/${action}`, {})).status, action).toBe(404);
      for (const member of [observer, reviewer, drafter]) {
        expect((await member.api.request('POST', `${proposalPath}/${action}`, {})).status, action).toBe(403);
      }
    }
    // the public switch is the coordinators'
    for (const member of [observer, reviewer, drafter]) {
      expect(
        (await member.api.request('PATCH', `/api/documents/${documentId}`, { public: true })).status,
      ).toBe(403);
    }
    expect(
      (await stranger.api.request('PATCH', `/api/documents/${documentId}`, { public: true })).status,
    ).toBe(404);
  });

  it('answers bad input with 400 or 404 and a stable code, writing nothing', async () => {
    const documentId = await agreement(1);
    await freeze(documentId, 'One');
    const base = `/api/documents/${documentId}`;
    const cases: [string, string, unknown, number, string][] = [
      ['GET', `${base}/versions/7`, undefined, 404, 'not_found'],
      ['GET', `${base}/versions/abc`, undefined, 400, 'validation_failed'],
      ['GET', `${base}/compare?from=1&to=1`, undefined, 400, 'validation_failed'],
      ['GET', `${base}/compare?from=9&to=live`, undefined, 404, 'not_found'],
      ['GET', `${base}/export?format=exe`, undefined, 400, 'validation_failed'],
      ['GET', `/api/documents/not-an-id/versions`, undefined, 400, 'validation_failed'],
      ['POST', `${base}/versions`, { name: '' }, 400, 'validation_failed'],
      ['POST', `${base}/versions`, { name: 'x', extra: 1 }, 400, 'validation_failed'],
      ['POST', `${base}/workflow`, { to: 'published' }, 400, 'validation_failed'],
      ['POST', `${base}/workflow`, { to: 'final', lockText: false }, 400, 'validation_failed'],
      ['POST', `${base}/versions/3/restore`, undefined, 404, 'not_found'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const res = await coordinator.api.request(method, url, body);
      expect([res.status, res.body.error?.code], url).toEqual([status, code]);
    }
    const versions = await coordinator.api.request('GET', `${base}/versions`);
    expect(versions.body.versions).toHaveLength(1);
    const workflow = await coordinator.api.request('GET', `${base}/workflow`);
    expect(workflow.body.workflow.state).toBe('drafting');
  });
});
