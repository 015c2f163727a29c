/**
 * Benchmark: amendments on a large agreement (issue 16, "Done means").
 *
 *   npx tsc -b shared server && npx tsx bench/amendments/amendmentsApi.ts [--requests 100]
 *
 * Starts its own embedded database and the built server, writes a 200-article agreement (heading +
 * 2 numbered paragraphs each) through a real y-websocket client, tables 500 amendments through the
 * REST API (replacements by 6 reviewers of 6 organisations; 10 of them on one clause, "the hot
 * clause"), keeps the writer connected (the live room is what amendments rebase against), then
 * measures, sequentially, time to the whole answer as a client on the same machine receives it:
 *   A. GET /api/documents/:id/amendments (all 500, each rebased on its live clause) — target p50 ≤ 100 ms;
 *   B. accepting one amendment (POST …/decision) — target ≤ 100 ms;
 *   C. after an edit of the hot clause, re-rebasing its pending amendments: the in-process cost of
 *      rebaseAmendment for all of them (target ≤ 50 ms), and GET …/amendments?clauseId=<hot>.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { newClauseId, rebaseAmendment, type ClauseContent } from '@accord/shared';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider, until } from '../lib/benchProvider.js';
import { summarise } from '../src/stats.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  articles: 200,
  paragraphsPerArticle: 2,
  amendments: 500,
  hotClauseAmendments: 10,
  requests: arg('requests', 100),
  accepts: 20,
  rebaseRounds: 50,
  warmup: 10,
  concurrency: 8,
};
const TARGETS = { listP50: 100, acceptMs: 100, rebaseMs: 50 };

const sentence = (a: number, p: number) =>
  `States Parties shall guarantee, in article ${a} paragraph ${p}, that every person has effective access to ` +
  `justice, legal aid and community paralegal services without discrimination of any kind.`;

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

interface Member {
  api: BenchApi;
  email: string;
}

async function main(): Promise<void> {
  const server = await startAccordForBench({ name: 'amendments' });
  try {
    const organisations = [
      ['Justicia Abierta', 'AR'],
      ['Paralegal Network', 'KE'],
      ['University of Lagos', 'NG'],
      ['Instituto Pro Bono', 'BR'],
      ['Ministry of Justice', 'PT'],
      ['Namati Kenya', 'KE'],
      ['Red de Paralegales', 'GT'],
    ] as const;
    const register = async (name: string, [org, country]: readonly [string, string]): Promise<Member> => {
      const api = new BenchApi(server.url);
      const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomBytes(4).toString('hex')}@example.org`;
      await api.ok('POST', '/api/auth/register', {
        email,
        password: 'correct horse battery',
        name,
        organisation: { name: org, kind: 'civil_society', country },
      });
      return { api, email };
    };
    const coordinator = await register('Coral Coordinator', organisations[0]);
    const reviewers = await Promise.all(
      organisations.slice(1).map((org, i) => register(`Reviewer ${i + 1}`, org)),
    );
    const documentId = (
      await coordinator.api.ok('POST', '/api/documents', { title: 'Agreement', kind: 'other' })
    ).document.id as string;
    for (const r of reviewers) {
      const { invitation } = await coordinator.api.ok('POST', `/api/documents/${documentId}/invitations`, {
        email: r.email,
        role: 'reviewer',
      });
      await r.api.ok('POST', `/api/invitations/${invitation.id as string}/accept`);
    }

    // the text, through a real y-websocket client that stays connected
    const writer = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    await until(() => writer.synced, 'writer sync', 60_000, 20);
    const paragraphIds: string[] = [];
    const texts: Y.XmlText[] = [];
    const articles: Y.XmlElement[] = [];
    for (let a = 1; a <= PARAMS.articles; a++) {
      const article = new Y.XmlElement('article');
      article.setAttribute('clauseId', newClauseId());
      const heading = new Y.XmlElement('clauseHeading');
      heading.insert(0, [new Y.XmlText(`Provision ${a}`)]);
      const children = [heading];
      for (let p = 1; p <= PARAMS.paragraphsPerArticle; p++) {
        const numbered = new Y.XmlElement('numberedParagraph');
        const id = newClauseId();
        numbered.setAttribute('clauseId', id);
        paragraphIds.push(id);
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText(sentence(a, p));
        texts.push(text);
        paragraph.insert(0, [text]);
        numbered.insert(0, [paragraph]);
        children.push(numbered);
      }
      article.insert(0, children);
      articles.push(article);
    }
    const fragment = writer.doc.getXmlFragment('default');
    writer.doc.transact(() => fragment.insert(fragment.length, articles));
    const probe = openProvider(server.wsUrl, coordinator.api.cookie, documentId);
    await until(
      () => probe.synced && probe.doc.getXmlFragment('default').length >= PARAMS.articles,
      'text',
      60_000,
      20,
    );
    probe.destroy();

    // 500 amendments: 10 on the hot clause (paragraph 0, disjoint words), the rest spread
    const hot = paragraphIds[0]!;
    const proposalFor = (i: number, clause: number): ClauseContent => {
      const [a, p] = [
        Math.floor(clause / PARAMS.paragraphsPerArticle) + 1,
        (clause % PARAMS.paragraphsPerArticle) + 1,
      ];
      const words = [
        'guarantee',
        'effective',
        'justice',
        'legal aid',
        'community',
        'services',
        'discrimination',
        'every person',
        'access',
        'kind',
      ];
      const word = words[i % words.length]!;
      return { heading: null, paragraphs: [[{ text: sentence(a, p).replace(word, `${word} (${i})`) }]] };
    };
    const ids: string[] = [];
    const started = performance.now();
    await pool(
      Array.from({ length: PARAMS.amendments }, (_, i) => i),
      PARAMS.concurrency,
      async (i) => {
        const clause = i < PARAMS.hotClauseAmendments ? 0 : 1 + (i % (paragraphIds.length - 1));
        const body = await reviewers[i % reviewers.length]!.api.ok(
          'POST',
          `/api/documents/${documentId}/amendments`,
          {
            kind: 'replace',
            clauseId: paragraphIds[clause],
            proposal: proposalFor(i, clause),
            justification: `Amendment ${i}: clearer wording in line with regional practice.`,
          },
        );
        ids[i] = body.amendment.id as string;
      },
    );
    const tablingMs = performance.now() - started;

    // A. listing
    const url = `/api/documents/${documentId}/amendments`;
    const timed = async (method: string, path: string, body?: unknown) => {
      const t0 = performance.now();
      const res = await fetch(server.url + path, {
        method,
        headers: { cookie: coordinator.api.cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      return { ms, text };
    };
    for (let i = 0; i < PARAMS.warmup; i++) await timed('GET', url);
    const listTimes: number[] = [];
    let listed = 0;
    let bytes = 0;
    for (let i = 0; i < PARAMS.requests; i++) {
      const { ms, text } = await timed('GET', url);
      listTimes.push(ms);
      bytes = text.length;
      listed = (JSON.parse(text) as { amendments: unknown[] }).amendments.length;
    }

    // B. accepting one (each on a different clause, away from the hot one)
    const acceptTimes: number[] = [];
    for (let i = 0; i < PARAMS.accepts; i++) {
      const id = ids[PARAMS.hotClauseAmendments + 50 + i * 7]!;
      acceptTimes.push((await timed('POST', `${url}/${id}/decision`, { decision: 'accept' })).ms);
    }

    // C. re-rebasing the hot clause's pending amendments after an edit of it
    const hotText = texts[0]!;
    const base: ClauseContent = { heading: null, paragraphs: [[{ text: sentence(1, 1) }]] };
    const pending = Array.from({ length: PARAMS.hotClauseAmendments }, (_, i) => ({
      kind: 'replace' as const,
      base,
      proposal: proposalFor(i, 0),
    }));
    const rebaseTimes: number[] = [];
    const hotListTimes: number[] = [];
    for (let round = 0; round < PARAMS.rebaseRounds; round++) {
      writer.doc.transact(() => hotText.insert(0, round % 2 ? 'All ' : 'Each '));
      const current: ClauseContent = { heading: null, paragraphs: [[{ text: hotText.toString() }]] };
      const t0 = performance.now();
      for (const amendment of pending) rebaseAmendment(amendment, current);
      rebaseTimes.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
      hotListTimes.push((await timed('GET', `${url}?clauseId=${hot}`)).ms);
    }
    writer.destroy();

    const list = summarise(listTimes, [50, 90, 99], 1);
    const accept = summarise(acceptTimes, [50, 90, 99], 1);
    const rebase = summarise(rebaseTimes, [50, 90, 99], 2);
    const hotList = summarise(hotListTimes, [50, 90, 99], 1);
    console.log(
      JSON.stringify(
        {
          parameters: { ...PARAMS, node: process.version },
          setup: { tablingMs: Math.round(tablingMs) },
          listAll: {
            ...list,
            amendments: listed,
            bytes,
            targetP50Ms: TARGETS.listP50,
            ok: list.p50 <= TARGETS.listP50,
          },
          acceptOne: { ...accept, targetMs: TARGETS.acceptMs, ok: accept.p50 <= TARGETS.acceptMs },
          rebaseHotClause: {
            pendingOnClause: PARAMS.hotClauseAmendments,
            inProcessMs: rebase,
            listClauseAfterEditMs: hotList,
            targetMs: TARGETS.rebaseMs,
            ok: rebase.p99 <= TARGETS.rebaseMs,
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
// everything is stopped; handles the libraries leave (fetch's keep-alive pool) must not keep the
// process waiting after the results are printed
process.exit(0);
