/**
 * Benchmark: freezing a version, comparing two versions and exporting a version, on the server,
 * for a 200-article agreement with 10% of its clauses changed between the versions (issue 11,
 * "Done means"). Targets: compare p50 ≤ 100 ms, each export ≤ 1 s, freeze ≤ 200 ms.
 *
 *   npx tsc -b shared server && npx tsx bench/versions/versionsApi.ts [--requests 100]
 *
 * Starts its own embedded database and the built server; imports the agreement (10 chapters, 200
 * articles, each with a heading, 2 numbered paragraphs and a point: 800 clauses), freezes version 1,
 * changes 10% of the clauses through a stock y-websocket client (rewords 40 paragraphs, adds 20
 * articles, removes 10, moves 10), freezes version 2, then times at the client (localhost):
 *   - GET /compare?from=1&to=2 (`requests` times);
 *   - GET /export?format=…&version=2 for each format (`exports` times each);
 *   - POST /versions after a one-word edit each time (`freezes` times).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { newClauseId } from '@accord/shared';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { BenchApi } from '../lib/BenchApi.js';
import { openProvider, until } from '../lib/benchProvider.js';
import { agreementMarkdown } from '../lib/agreementMarkdown.js';
import { summarise, type Summary } from '../src/stats.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = {
  chapters: 10,
  articles: 200,
  paragraphsPerArticle: 2,
  pointsPerArticle: 1,
  requests: arg('requests', 100),
  exports: arg('exports', 10),
  freezes: arg('freezes', 20),
  warmup: 5,
};
const FORMATS = ['html', 'md', 'docx', 'pdf', 'akn'] as const;
const TARGETS = { compareP50: 100, exportMs: 1000, freezeMs: 200 };

async function timed(
  n: number,
  warmup: number,
  run: (i: number) => Promise<void>,
  before: (i: number) => Promise<void> = async () => {},
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n + warmup; i++) {
    await before(i);
    const started = performance.now();
    await run(i);
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return samples;
}

function elements(doc: Y.Doc, name: string): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === name) found.push(child);
      walk(child);
    }
  };
  walk(doc.getXmlFragment('default'));
  return found;
}

/** Rewords 40 paragraphs, adds 20 articles, removes 10 and moves 10: 10% of 800 clauses. */
function changeTenPercent(doc: Y.Doc): void {
  doc.transact(() => {
    const numbered = elements(doc, 'numberedParagraph');
    for (let i = 0; i < 40; i++) {
      const text = (numbered[i * 10]!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'Subject to the resources available, ');
    }
    const chapters = elements(doc, 'chapter');
    for (let i = 0; i < 10; i++) {
      const chapter = chapters[i]!;
      const articles = chapter.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'article');
      // remove one article, move another to the end of its chapter
      chapter.delete(chapter.toArray().indexOf(articles[3]!), 1);
      const moved = articles[5] as Y.XmlElement;
      const copy = moved.clone();
      chapter.delete(chapter.toArray().indexOf(moved), 1);
      chapter.insert(chapter.length, [copy]);
      for (let k = 0; k < 2; k++) {
        const article = new Y.XmlElement('article');
        article.setAttribute('clauseId', newClauseId());
        const heading = new Y.XmlElement('clauseHeading');
        heading.insert(0, [new Y.XmlText(`New article ${i}.${k}`)]);
        const paragraph = new Y.XmlElement('numberedParagraph');
        paragraph.setAttribute('clauseId', newClauseId());
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('The Parties shall cooperate in good faith.')]);
        paragraph.insert(0, [p]);
        article.insert(0, [heading, paragraph]);
        chapter.insert(chapter.length, [article]);
      }
    }
  });
}

async function main(): Promise<void> {
  console.log('[bench] versions', JSON.stringify(PARAMS));
  const server = await startAccordForBench({ name: 'versions', register: true });
  try {
    const api = new BenchApi(server.url);
    api.cookie = server.cookie;
    const preview = await api.request(
      'POST',
      '/api/imports/preview',
      agreementMarkdown(PARAMS),
      'text/markdown',
    );
    const { document } = await api.ok('POST', '/api/documents', {
      title: 'Regional Agreement on Access to Justice',
      kind: 'agreement',
      content: preview.body.json,
    });
    const base = `/api/documents/${document.id}`;
    await api.ok('POST', `${base}/versions`, { name: 'Version 1' });
    const writer = openProvider(server.wsUrl, api.cookie, document.id);
    await until(() => writer.synced, 'the writer to sync');
    changeTenPercent(writer.doc);
    await until(
      async () => (await api.ok('GET', `${base}/compare?from=1&to=live`)).summary.added >= 20,
      'the changes to reach the server',
    );
    const v2 = await api.ok('POST', `${base}/versions`, { name: 'Version 2' });
    const comparison = await api.ok('GET', `${base}/compare?from=1&to=2`);
    console.log(
      '[bench] version 2 changes:',
      JSON.stringify(v2.version.changes),
      'summary:',
      JSON.stringify(comparison.summary),
    );

    const compare = summarise(
      await timed(
        PARAMS.requests,
        PARAMS.warmup,
        async () => void (await api.request('GET', `${base}/compare?from=1&to=2`)),
      ),
      [50, 99],
      1,
    );
    const exportsByFormat: Record<string, Summary> = {};
    for (const format of FORMATS) {
      exportsByFormat[format] = summarise(
        await timed(PARAMS.exports, 1, async () => {
          const res = await fetch(`${server.url}${base}/export?format=${format}&version=2`, {
            headers: { cookie: api.cookie },
          });
          if (res.status !== 200) throw new Error(`export ${format}: ${res.status}`);
          await res.arrayBuffer();
        }),
        [50, 99],
        1,
      );
    }
    const text = (elements(writer.doc, 'numberedParagraph')[1]!.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const freezeMs = summarise(
      await timed(
        PARAMS.freezes,
        2,
        async (i) => void (await api.ok('POST', `${base}/versions`, { name: `Freeze ${i}` })),
        // an edit before each freeze (not timed), so each version differs from the one before
        async (i) => {
          text.insert(0, `w${i} `);
          await new Promise((r) => setTimeout(r, 30));
        },
      ),
      [50, 99],
      1,
    );
    writer.destroy();

    console.log('');
    console.log('operation                     n     p50 ms    p99 ms   target');
    const row = (name: string, s: { n: number; p50: number; p99: number }, target: string) =>
      console.log(
        `${name.padEnd(26)}${String(s.n).padStart(5)}${String(s.p50).padStart(11)}${String(s.p99).padStart(10)}   ${target}`,
      );
    row(
      'compare v1 → v2',
      compare,
      `p50 ≤ ${TARGETS.compareP50} ms: ${compare.p50 <= TARGETS.compareP50 ? 'met' : 'NOT met'}`,
    );
    for (const format of FORMATS) {
      const s = exportsByFormat[format]!;
      row(
        `export ${format}`,
        s,
        `≤ ${TARGETS.exportMs} ms: ${s.p99 <= TARGETS.exportMs ? 'met' : 'NOT met'}`,
      );
    }
    row(
      'freeze a version',
      freezeMs,
      `≤ ${TARGETS.freezeMs} ms: ${freezeMs.p99 <= TARGETS.freezeMs ? 'met' : 'NOT met'}`,
    );
  } finally {
    await server.stop();
  }
}

await main();
