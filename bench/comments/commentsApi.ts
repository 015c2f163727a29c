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
 *   B. with nobody connected (each request loads the Yjs state from the database).
 * Target: p99 ≤ 50 ms.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SCHEMA_VERSION, createRangeAnchor, newClauseId } from '@accord/shared';
import { startAccordForBench } from '../lib/startAccordForBench.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  articles: 100,
  paragraphsPerArticle: 3,
  threads: 700,
  rangeThreads: 200,
  replies: 300,
  requests: Math.max(200, arg('requests', 300)),
  warmup: 20,
  createConcurrency: 8,
};
const TARGET_P99_MS = 50;

class Api {
  cookie = '';
  constructor(readonly baseUrl: string) {}
  async request(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any; bytes: number }> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      if (pair.startsWith('accord.sid=')) this.cookie = pair;
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, bytes: text.length };
  }
  async ok(method: string, url: string, body?: unknown): Promise<any> {
    const res = await this.request(method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}


function openProvider(
  wsUrl: string,
  cookie: string,
  documentId: string,
  doc = new Y.Doc(),
): WebsocketProvider {
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  };
  return new WebsocketProvider(`${wsUrl}/collab`, documentId, doc, {
    WebSocketPolyfill: Socket as never,
    params: { schema: String(SCHEMA_VERSION) },
    disableBc: true,
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function buildArticles(): { elements: Y.XmlElement[]; paragraphIds: string[][] } {
  const elements: Y.XmlElement[] = [];
  const paragraphIds: string[][] = [];
  for (let a = 1; a <= PARAMS.articles; a++) {
    const article = new Y.XmlElement('article');
    article.setAttribute('clauseId', newClauseId());
    const heading = new Y.XmlElement('clauseHeading');
    heading.insert(0, [new Y.XmlText(`Provision ${a} on access to justice`)]);
    const children = [heading];
    const ids: string[] = [];
    for (let p = 1; p <= PARAMS.paragraphsPerArticle; p++) {
      const numbered = new Y.XmlElement('numberedParagraph');
      const id = newClauseId();
      ids.push(id);
      numbered.setAttribute('clauseId', id);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [
        new Y.XmlText(
          `States Parties shall guarantee, in article ${a} paragraph ${p}, that every person has effective access to ` +
            `justice, legal aid and community paralegal services without discrimination of any kind.`,
        ),
      ]);
      numbered.insert(0, [paragraph]);
      children.push(numbered);
    }
    article.insert(0, children);
    elements.push(article);
    paragraphIds.push(ids);
  }
  return { elements, paragraphIds };
}

function articleCount(doc: Y.Doc): number {
  return doc
    .getXmlFragment('default')
    .toArray()
    .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'article').length;
}

function paragraphText(elements: Y.XmlElement[], article: number, paragraph: number): Y.XmlText {
  const el = elements[article]!;
  const numbered = el.get(paragraph + 1) as Y.XmlElement;
  return (numbered.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(
  api: Api,
  url: string,
): Promise<{
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  bytes: number;
  threads: number;
}> {
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
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    p50: round(percentile(times, 50)),
    p90: round(percentile(times, 90)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1]!),
    mean: round(times.reduce((s, t) => s + t, 0) / times.length),
    bytes,
    threads,
  };
}

async function main(): Promise<void> {
  const profile = args.includes('--profile')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'accord-bench-profile')}`]
    : [];
  const server = await startAccordForBench({
    name: 'comments',
    nodeArgs: profile,
    keepDb: args.includes('--keep-db'),
  });
  const providers: WebsocketProvider[] = [];
  try {
    const organisations = [
      ['Justicia Abierta', 'civil_society', 'AR'],
      ['Paralegal Network', 'civil_society', 'KE'],
      ['University of Lagos', 'academic', 'NG'],
      ['Instituto Pro Bono', 'civil_society', 'BR'],
      ['Ministry of Justice', 'public_institution', 'PT'],
      ['Namati Kenya', 'civil_society', 'KE'],
    ] as const;
    const register = async (name: string, org: (typeof organisations)[number]) => {
      const api = new Api(server.url);
      const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
      const body = await api.ok('POST', '/api/auth/register', {
        email,
        password: 'correct horse battery',
        name,
        organisation: { name: org[0], kind: org[1], country: org[2] },
      });
      return { api, email, id: body.user.id as string };
    };
    const coordinator = await register('Coral Coordinator', organisations[0]);
    const drafter = await register('Dario Drafter', organisations[0]);
    const reviewers = await Promise.all(organisations.map((org, i) => register(`Reviewer ${i + 1}`, org)));
    const documentId = (
      await coordinator.api.ok('POST', '/api/documents', { title: 'Regional Agreement on Access to Justice' })
    ).document.id as string;
    await coordinator.api.ok('POST', `/api/documents/${documentId}/members`, {
      email: drafter.email,
      role: 'drafter',
    });
    for (const r of reviewers)
      await coordinator.api.ok('POST', `/api/documents/${documentId}/members`, {
        email: r.email,
        role: 'reviewer',
      });

    // the text, sent through a real y-websocket client
    const t0 = performance.now();
    const writer = openProvider(server.wsUrl, drafter.api.cookie, documentId);
    providers.push(writer);
    await until(() => writer.synced, 'writer sync');
    const { elements, paragraphIds } = buildArticles();
    const fragment = writer.doc.getXmlFragment('default');
    // after the blank template's title and empty paragraph
    writer.doc.transact(() => fragment.insert(fragment.length, elements));
    const probe = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    await until(
      () => probe.synced && articleCount(probe.doc) >= PARAMS.articles,
      'the server to have the text',
    ).catch((error) => {
      throw new Error(
        `${error.message}: synced=${probe.synced} articles=${articleCount(probe.doc)} writer=${writer.wsconnected}`,
      );
    });
    probe.destroy();
    const textMs = performance.now() - t0;

    // 1,000 comments through the API
    const t1 = performance.now();
    const specs = Array.from({ length: PARAMS.threads }, (_, i) => i);
    const threadIds: string[] = [];
    let rangeComments = 0;
    await pool(specs, PARAMS.createConcurrency, async (i) => {
      const article = i % PARAMS.articles;
      const paragraph = Math.floor(i / PARAMS.articles) % PARAMS.paragraphsPerArticle;
      const author = i % 7 === 6 ? drafter : reviewers[i % reviewers.length]!;
      let anchor: unknown;
      if (i < PARAMS.rangeThreads) {
        const text = paragraphText(elements, article, paragraph);
        const from = text.toString().indexOf('effective access');
        anchor = createRangeAnchor(
          writer.doc,
          { text, index: from },
          { text, index: from + 'effective access to justice'.length },
        );
        rangeComments++;
      } else {
        anchor =
          i % 2
            ? { kind: 'clause', clauseId: paragraphIds[article]![paragraph] }
            : { kind: 'clause', clauseId: elements[article]!.getAttribute('clauseId') };
      }
      const body = await author.api.ok('POST', `/api/documents/${documentId}/comments`, {
        anchor,
        body: `Comment ${i}: the wording of this provision should say "may" rather than "shall" in line with regional practice.\nSee https://example.org/note/${i}`,
      });
      threadIds.push(body.thread.id);
    });
    await pool(threadIds.slice(0, PARAMS.replies), PARAMS.createConcurrency, async (threadId) => {
      await drafter.api.ok('POST', `/api/comments/${threadId}/replies`, {
        body: 'Thank you — we will revise the text in the next draft.',
      });
    });
    const createMs = performance.now() - t1;
    const totalComments = threadIds.length + PARAMS.replies;

    const url = `/api/documents/${documentId}/comments`;
    const open = await measure(reviewers[0]!.api, url);
    // the document closed: nobody connected, the room is unloaded after its idle delay or not;
    // either way anchors are computed from the same state
    writer.destroy();
    providers.length = 0;
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
          setup: { textMs: Math.round(textMs), createCommentsMs: Math.round(createMs) },
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
    for (const p of providers) p.destroy();
    await server.stop();
  }
}

await main();
// the report is written and the server stopped; idle keep-alive sockets must not hold the process
process.exit(0);
