/**
 * Benchmark: GET /api/documents/:id/outline for a 100-article agreement (issue 4, "Done means":
 * the server's /outline time for that document, target ≤ 50 ms).
 *
 *   npx tsc -b shared server && npx tsx bench/structure/outline.ts [--requests 300]
 *
 * Starts its own embedded database (scripts/lib/devdb.mjs) and the built server
 * (node server/dist/main.js), imports a 100-article agreement (5 chapters; per article a heading,
 * 2 numbered paragraphs and 1 point: 300 paragraphs and points) through the import path
 * (POST /api/imports/preview, then POST /api/documents with the previewed content), then
 * measures sequential GET /outline requests (wall time at the client, localhost):
 *   A. open, unchanged:  a collaborator connected, nothing changes between requests;
 *   B. open, edited:     a collaborator connected and renaming an article heading before every
 *                        request (each request renders the changed document afresh);
 *   C. closed, cold:     nobody connected, and the server's idle room unloaded before every
 *                        request: each request loads the Yjs state from the database and renders;
 *   D. closed, burst:    nobody connected, back-to-back requests: the first loads the document
 *                        into a room, the others reuse it until it is idle (withDocument).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider, until } from '../lib/benchProvider.js';
import { agreementMarkdown } from '../lib/agreementMarkdown.js';
import { summarise } from '../src/stats.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  chapters: 5,
  articles: 100,
  paragraphsPerArticle: 2,
  pointsPerArticle: 1,
  requests: Math.max(200, arg('requests', 300)),
  warmup: 50,
  /** the server unloads an idle room after this long (COLLAB_IDLE_UNLOAD_MS), so C reads the database */
  idleUnloadMs: 100,
  /** pause before each cold request, so the idle room has unloaded */
  coldPauseMs: 400,
};
const TARGET_MS = 50;

async function measure(
  n: number,
  before: (i: number) => Promise<void>,
  request: (i: number) => Promise<void>,
  warmup = PARAMS.warmup,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n + warmup; i++) {
    await before(i);
    const start = performance.now();
    await request(i);
    if (i >= warmup) samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  const server = await startAccordForBench({
    name: 'outline',
    env: { COLLAB_IDLE_UNLOAD_MS: String(PARAMS.idleUnloadMs) },
    register: true,
  });
  const providers: WebsocketProvider[] = [];
  try {
    const api = new BenchApi(server.url);
    api.cookie = server.cookie;
    const markdown = agreementMarkdown(PARAMS);
    const importStart = performance.now();
    const preview = (await api.request('POST', '/api/imports/preview', markdown, 'text/markdown')).body;
    const importMs = performance.now() - importStart;
    const createStart = performance.now();
    const created = (
      await api.request('POST', '/api/documents', {
        title: preview.summary.title,
        kind: 'agreement',
        content: preview.json,
      })
    ).body;
    const createMs = performance.now() - createStart;
    const documentId = created.document.id as string;
    const url = `/api/documents/${documentId}/outline`;
    const first = await api.request('GET', url);
    const clauses = first.body.clauses as { kind: string; clauseId: string }[];
    const counts = {
      chapters: clauses.filter((c) => c.kind === 'chapter').length,
      articles: clauses.filter((c) => c.kind === 'article').length,
      paragraphsAndPoints: clauses.filter((c) => c.kind === 'paragraph' || c.kind === 'point').length,
      clauses: clauses.length,
      outlineBytes: first.bytes,
      markdownBytes: markdown.length,
      contentJsonBytes: JSON.stringify(preview.json).length,
    };
    if (counts.articles !== PARAMS.articles)
      throw new Error(`expected ${PARAMS.articles} articles, got ${counts.articles}`);

    // A and B: a collaborator has the document open
    const provider = openProvider(server.wsUrl, api.cookie, documentId);
    providers.push(provider);
    await until(() => provider.synced, 'the collaborator to sync');
    const openUnchanged = await measure(
      PARAMS.requests,
      async () => {},
      async () => void (await api.request('GET', url)),
    );

    const chapter = provider.doc
      .getXmlFragment('default')
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'chapter')[2]!;
    const article = chapter
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'article')!;
    const headingText = (article.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const articleId = article.getAttribute('clauseId');
    let stale = 0;
    const openEdited = await measure(
      PARAMS.requests,
      async (i) => {
        // rename the heading, then give the update a moment to reach the server (localhost)
        provider.doc.transact(() => {
          headingText.delete(0, headingText.length);
          headingText.insert(0, `Heading v${i}`);
        });
        await new Promise((r) => setTimeout(r, 15));
      },
      async (i) => {
        const res = await api.request('GET', url);
        const seen = (res.body.clauses as { clauseId: string; heading: string }[]).find(
          (c) => c.clauseId === articleId,
        );
        if (seen?.heading !== `Heading v${i}`) stale++;
      },
    );

    // C and D: nobody connected; wait until the room has unloaded (and compacted B's edits)
    provider.destroy();
    providers.length = 0;
    await new Promise((r) => setTimeout(r, 3_000));
    const closedCold = await measure(
      PARAMS.requests,
      () => new Promise((r) => setTimeout(r, PARAMS.coldPauseMs)),
      async () => void (await api.request('GET', url)),
      5,
    );
    const closedBurst = await measure(
      PARAMS.requests,
      async () => {},
      async () => void (await api.request('GET', url)),
    );

    const results = {
      openUnchanged: summarise(openUnchanged, [50, 95, 99], 2),
      openEditedBeforeEachRequest: { ...summarise(openEdited, [50, 95, 99], 2), staleAnswers: stale },
      closedCold: summarise(closedCold, [50, 95, 99], 2),
      closedBurst: summarise(closedBurst, [50, 95, 99], 2),
    };
    const report = {
      benchmark: 'GET /api/documents/:id/outline (issue 4)',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        node: process.version,
        database: 'FerretDB 1.24 (devdb)',
      },
      params: PARAMS,
      document: counts,
      setup: { importPreviewMs: Math.round(importMs), createWithContentMs: Math.round(createMs) },
      targetMs: TARGET_MS,
      results,
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      '\nGET /outline, 100-article agreement (%d clauses, %d KiB answer), target ≤ %d ms',
      counts.clauses,
      Math.round(counts.outlineBytes / 1024),
      TARGET_MS,
    );
    console.log('scenario                               n     p50     p95     p99     max   target');
    for (const [name, r] of Object.entries(results)) {
      const ok = r.p99 <= TARGET_MS ? 'met (p99)' : r.p95 <= TARGET_MS ? 'met at p95, not p99' : 'MISSED';
      console.log(
        `${name.padEnd(36)} ${String(r.n).padStart(4)} ${r.p50.toFixed(2).padStart(7)} ${r.p95.toFixed(2).padStart(7)} ${r.p99.toFixed(2).padStart(7)} ${r.max.toFixed(2).padStart(7)}   ${ok}`,
      );
    }
    const out = path.join(root, 'bench', 'structure', 'results.json');
    fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwritten to ${path.relative(root, out)}`);
  } finally {
    for (const p of providers) p.destroy();
    await server.stop();
  }
}

await main();
// the report is written and the server stopped; idle keep-alive sockets must not hold the process
process.exit(0);
