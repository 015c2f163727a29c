/**
 * Benchmark: the comments API for a large commented document (issue 5, "Done means").
 *
 *   npx tsx bench/comments/commentsApi.ts [--requests 300] [--keep-db] [--profile]
 *
 * Starts its own embedded database (scripts/lib/devdb.mjs) and the built server
 * (node server/dist/main.js; run `npx tsc -b shared server` first), writes a 100-article
 * agreement (each article: heading + 3 numbered paragraphs) through a real y-websocket client,
 * creates 1,000 comments through the REST API (700 threads — 200 on text ranges, 500 on whole
 * clauses — and 300 replies, so 300 threads have a reply; authors from 6 organisations in 5
 * countries), then measures GET /api/documents/:id/comments, sequentially:
 *   A. with the document open (a collaborator connected: anchors resolve against the live room);
 *   B. with nobody connected (the first request loads the state into a room kept until idle).
 * Target: p99 ≤ 50 ms.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { FIXTURE, createCommentedDocument } from './browserFixture.js';
import type { BenchApi } from '../lib/BenchApi.js';
import { summarise, type Summary } from '../src/stats.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  ...FIXTURE,
  requests: Math.max(200, arg('requests', 300)),
  warmup: 20,
};
const TARGET_P99_MS = 50;

async function measure(
  api: BenchApi,
  url: string,
): Promise<Summary<50 | 90 | 99> & { bytes: number; threads: number }> {
  let bytes = 0;
  let threads = 0;
  for (let i = 0; i < PARAMS.warmup; i++) await api.ok('GET', url);
  const times: number[] = [];
  for (let i = 0; i < PARAMS.requests; i++) {
    // time to the whole response body, as a client receives it (its JSON.parse is client work)
    const started = performance.now();
    const res = await fetch(api.baseUrl + url, { headers: { cookie: api.cookie } });
    const text = await res.text();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    bytes = text.length;
    threads = (JSON.parse(text) as { threads: unknown[] }).threads.length;
  }
  return { ...summarise(times, [50, 90, 99], 1), bytes, threads };
}

async function main(): Promise<void> {
  const profile = args.includes('--profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'accord-bench-profile')}`]
    : [];
  const server = await startAccordForBench({
    name: 'comments',
    nodeArgs: profile,
    // the fixture posts 1,000 comments in seconds: the flood limits are not what this measures
    env: { COMMENT_RATE_MAX: '1000000', MENTION_RATE_MAX: '1000000' },
    keepDb: args.includes('--keep-db'),
  });
  try {
    // the text through a real y-websocket client, then 1,000 comments through the API
    const fixture = await createCommentedDocument(server, { keepWriterOpen: true });
    const { documentId, reviewers, rangeThreads: rangeComments } = fixture;
    const totalComments = fixture.comments;

    const url = `/api/documents/${documentId}/comments`;
    const open = await measure(reviewers[0]!.api, url);
    // the document closed: nobody connected, the room is unloaded after its idle delay or not;
    // either way anchors are computed from the same state
    fixture.closeWriter();
    await new Promise((r) => setTimeout(r, 500));
    const closed = await measure(reviewers[0]!.api, url);

    const verdict = (p99: number) => (p99 <= TARGET_P99_MS ? 'meets' : 'MISSES');
    console.log(
      JSON.stringify(
        {
          benchmark: 'comments API: GET /api/documents/:id/comments',
          parameters: {
            ...PARAMS,
            comments: totalComments,
            rangeComments,
            clauseComments: PARAMS.threads - rangeComments,
            threadsWithReplies: PARAMS.replies,
            clauses: PARAMS.articles * (1 + PARAMS.paragraphsPerArticle),
            node: process.version,
            cpus: os.cpus().length,
            database: 'FerretDB 1.24 (embedded, SQLite)',
          },
          setup: { textMs: fixture.setupMs.text, createCommentsMs: fixture.setupMs.comments },
          results: {
            documentOpen: { ...open, target: `p99 <= ${TARGET_P99_MS} ms: ${verdict(open.p99)}` },
            documentClosed: { ...closed, target: `p99 <= ${TARGET_P99_MS} ms: ${verdict(closed.p99)}` },
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
  }
}

await main();
// the report is written and the server stopped; idle keep-alive sockets must not hold the process
process.exit(0);
