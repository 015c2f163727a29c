/**
 * Benchmark: comments in the browser (issue 5, "Done means").
 *
 *   npx tsx bench/comments/browser.ts [--loads 5] [--samples 12] [--keep-db] [--no-build]
 *
 * Starts its own embedded database (scripts/lib/devdb.mjs) and the built server
 * (node server/dist/main.js; run `npx tsc -b shared server` first), builds the client (unless
 * --no-build), creates the document of bench/comments/browserFixture.ts (100 articles, 1,000
 * comments: 200 range comments, 300 threads with replies) and drives Debian's Chromium through
 * playwright-core (headless, no sandbox, no GPU, no background networking):
 *   (a) open the document in a fresh profile (no offline copy), `--loads` times: from the text
 *       being shown (every article rendered) to the sidebar (threads listed) and the highlights
 *       (every range highlight and clause marker in the text) being shown. Target ≤ 1 s.
 *   (b) two browsers have the document open; one posts a comment through its composer; the time
 *       from the click on "Post comment" until the comment is in the other browser's sidebar,
 *       `--samples` times. Target ≤ 300 ms (median and max reported).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { FIXTURE, createCommentedDocument, type Member } from './browserFixture.js';
import { median } from '../src/stats.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PARAMS = { loads: Math.max(1, arg('loads', 5)), samples: Math.max(10, arg('samples', 12)) };
const TARGET_SHOWN_MS = 1000;
const TARGET_LIVE_MS = 300;

const round = (n: number) => Math.round(n);

async function signedInContext(browser: Browser, baseUrl: string, member: Member): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  const [name, ...value] = member.api.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }]);
  return context;
}

/**
 * Installed before the app runs: notes when the text, the sidebar and the highlights appear.
 * Plain JavaScript source: tsx would wrap named functions in helpers the page does not have.
 */
const probeSource = (expect: { articles: number; ranges: number }) => `(() => {
  const expect = ${JSON.stringify(expect)};
  const marks = {};
  window.__bench = marks;
  let longTasks = 0;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks += entry.duration;
      marks.longTasksMs = longTasks;
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  let observer = null;
  let timer = 0;
  function check() {
    const now = performance.now();
    if (marks.text === undefined) {
      const articles = document.querySelectorAll('.ProseMirror section[data-type="article"]').length;
      if (articles >= expect.articles) marks.text = now;
    }
    if (marks.sidebar === undefined && document.querySelector('[data-testid="comment-thread"]')) marks.sidebar = now;
    if (marks.highlights === undefined) {
      const ids = new Set();
      for (const el of document.querySelectorAll('.ProseMirror .comment-highlight')) ids.add(el.getAttribute('data-comment-threads'));
      const clauses = document.querySelectorAll('.ProseMirror .comment-clause').length;
      if (ids.size >= expect.ranges && clauses > 0) marks.highlights = now;
    }
    if (marks.text !== undefined && marks.sidebar !== undefined && marks.highlights !== undefined) {
      observer && observer.disconnect();
      clearInterval(timer);
    }
  }
  // every DOM change is a moment something may have appeared (a timer alone would be late)
  let queued = false;
  observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; check(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  timer = setInterval(check, 50);
})();`;

async function measureOpen(browser: Browser, baseUrl: string, documentId: string, reviewer: Member) {
  const context = await signedInContext(browser, baseUrl, reviewer);
  try {
    const page = await context.newPage();
    await page.addInitScript({
      content: probeSource({ articles: FIXTURE.articles, ranges: FIXTURE.rangeThreads }),
    });
    await page.goto(`${baseUrl}/documents/${documentId}`);
    await page
      .waitForFunction(
        () => {
          const marks = (window as unknown as { __bench?: Record<string, number> }).__bench;
          return (
            !!marks &&
            marks.text !== undefined &&
            marks.sidebar !== undefined &&
            marks.highlights !== undefined
          );
        },
        null,
        { timeout: 60_000, polling: 100 },
      )
      .catch(async (error: unknown) => {
        const state = await page.evaluate(() => ({
          marks: (window as unknown as { __bench?: Record<string, number> }).__bench,
          articles: document.querySelectorAll('.ProseMirror section[data-type="article"]').length,
          highlights: document.querySelectorAll('.ProseMirror .comment-highlight').length,
          clauses: document.querySelectorAll('.ProseMirror .comment-clause').length,
          threads: document.querySelectorAll('[data-testid="comment-thread"]').length,
          url: location.href,
        }));
        await page.screenshot({ path: path.join(root, 'test-results', 'bench-comments-timeout.png') });
        throw new Error(`the page did not show everything: ${JSON.stringify(state)}`, { cause: error });
      });
    const marks = await page.evaluate(
      () => (window as unknown as { __bench: Record<string, number> }).__bench,
    );
    const threadsRendered = await page.locator('[data-testid="comment-thread"]').count();
    return {
      textMs: marks.text!,
      sidebarAfterTextMs: Math.max(0, marks.sidebar! - marks.text!),
      highlightsAfterTextMs: Math.max(0, marks.highlights! - marks.text!),
      shownAfterTextMs: Math.max(0, Math.max(marks.sidebar!, marks.highlights!) - marks.text!),
      longTasksMs: marks.longTasksMs ?? 0,
      threadsRendered,
    };
  } finally {
    await context.close();
  }
}

async function openDocument(
  browser: Browser,
  baseUrl: string,
  documentId: string,
  member: Member,
): Promise<Page> {
  const context = await signedInContext(browser, baseUrl, member);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/documents/${documentId}`);
  await page.locator('[data-testid="comment-thread"]').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('connection-status').getByText('Online').waitFor({ timeout: 60_000 });
  return page;
}

async function measureLive(sender: Page, receiver: Page, samples: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const marker = `live-sample-${i}-${Date.now()}`;
    // the receiver notes when a thread with the marker appears in its sidebar
    await receiver.evaluate((marker) => {
      const w = window as unknown as { __live?: number };
      delete w.__live;
      const sidebar = document.querySelector('[data-testid="comments-sidebar"]')!;
      const observer = new MutationObserver(() => {
        if (sidebar.textContent?.includes(marker)) {
          w.__live = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(sidebar, { childList: true, subtree: true, characterData: true });
    }, marker);
    // the sender comments on a clause near the top (its thread lands in the first page of the list)
    await sender.evaluate((article) => {
      const editor = document.querySelector('.ProseMirror') as HTMLElement;
      const headings = editor.querySelectorAll('section[data-type="article"] h3');
      const text = headings[article]!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.collapse(true);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, i % 3);
    await sender.waitForTimeout(100);
    await sender.keyboard.press('Alt+Control+M');
    const composer = sender.getByTestId('new-thread');
    await composer.getByRole('combobox').fill(`Benchmark comment ${marker}`);
    const post = composer.getByRole('button', { name: 'Post comment' });
    await post.waitFor();
    const sentAt = await post.evaluate((button) => {
      const at = performance.timeOrigin + performance.now();
      (button as HTMLButtonElement).click();
      return at;
    });
    const seenAt = await receiver.waitForFunction(
      () => (window as unknown as { __live?: number }).__live,
      null,
      {
        timeout: 10_000,
        polling: 10,
      },
    );
    times.push(((await seenAt.jsonValue()) as number) - sentAt);
    await sender.getByTestId('new-thread').waitFor({ state: 'detached' });
    await sender.waitForTimeout(150);
  }
  return times;
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    execFileSync('npm', ['run', '--silent', 'build', '-w', 'client'], { cwd: root, stdio: 'ignore' });
  }
  const server = await startAccordForBench({
    name: 'comments-browser',
    keepDb: args.includes('--keep-db'),
    // the fixture posts 1,000 comments in seconds: the flood limits are not what this measures
    env: { COMMENT_RATE_MAX: '1000000', MENTION_RATE_MAX: '1000000' },
  });
  let browser: Browser | null = null;
  try {
    const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
    log(`server ${server.url}; creating the document and 1,000 comments…`);
    const fixture = await createCommentedDocument(server);
    log(`created in ${JSON.stringify(fixture.setupMs)} ms; opening Chromium`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });

    const loads = [];
    for (let i = 0; i < PARAMS.loads; i++) {
      loads.push(
        await measureOpen(
          browser,
          server.url,
          fixture.documentId,
          fixture.reviewers[i % fixture.reviewers.length]!,
        ),
      );
    }
    const shown = loads.map((load) => load.shownAfterTextMs);
    log(`opened ${PARAMS.loads} times: ${JSON.stringify(shown.map(round))} ms after the text`);

    const sender = await openDocument(browser, server.url, fixture.documentId, fixture.reviewers[0]!);
    const receiver = await openDocument(browser, server.url, fixture.documentId, fixture.drafter);
    const live = await measureLive(sender, receiver, PARAMS.samples);

    const verdict = (value: number, target: number) => (value <= target ? 'meets' : 'MISSES');
    console.log(
      JSON.stringify(
        {
          benchmark: 'comments in the browser (Chromium)',
          parameters: {
            ...FIXTURE,
            comments: fixture.comments,
            rangeComments: fixture.rangeThreads,
            threadsWithReplies: fixture.threadsWithReplies,
            clauses: FIXTURE.articles * (1 + FIXTURE.paragraphsPerArticle),
            loads: PARAMS.loads,
            liveSamples: PARAMS.samples,
            browser: `${browser.version()} (/usr/bin/chromium, headless, --no-sandbox --disable-gpu --disable-background-networking)`,
            viewport: '1400×900',
            node: process.version,
            cpus: os.cpus().length,
            database: 'FerretDB 1.24 (embedded, SQLite)',
          },
          setup: fixture.setupMs,
          results: {
            sidebarAndHighlightsAfterText: {
              medianMs: round(median(shown)),
              maxMs: round(Math.max(...shown)),
              runs: loads.map((load) => ({
                textShownMs: round(load.textMs),
                sidebarAfterTextMs: round(load.sidebarAfterTextMs),
                highlightsAfterTextMs: round(load.highlightsAfterTextMs),
                longTasksMs: round(load.longTasksMs),
                threadsRendered: load.threadsRendered,
              })),
              target: `<= ${TARGET_SHOWN_MS} ms: ${verdict(Math.max(...shown), TARGET_SHOWN_MS)} (max)`,
            },
            newCommentInOtherBrowser: {
              medianMs: round(median(live)),
              maxMs: round(Math.max(...live)),
              samplesMs: live.map(round),
              target: `<= ${TARGET_LIVE_MS} ms: median ${verdict(median(live), TARGET_LIVE_MS)}, max ${verdict(Math.max(...live), TARGET_LIVE_MS)}`,
            },
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

await main();
// sockets and timers of the clients above must not keep the process alive
process.exit(0);
