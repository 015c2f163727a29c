/**
 * Benchmark: Accord on slow connections (issue 18).
 *
 *   npx tsx bench/network/networkBench.ts [--profiles 2G,slow3G,4G] [--idle-seconds 60]
 *                                          [--keystrokes 5] [--label after] [--no-build] [--resources]
 *
 * Starts its own embedded database and the built server (run `npm run build` first; the client is
 * rebuilt unless --no-build; CLIENT_DIST picks another client build), creates a 50-article
 * document (fixture.ts) and drives Debian's Chromium (playwright-core) through a byte-counting TCP
 * proxy (byteCountingProxy.ts: bytes on the wire — headers, bodies as sent, WebSocket frames and
 * the service worker's own fetches). Each profile is applied with the DevTools protocol's
 * Network.emulateNetworkConditions on the page (not on a service worker's own fetches):
 *   - usable sign-in page, cold cache (fresh profile): time and bytes;
 *   - sign in → document list → editable document of 50 articles, cold (service workers blocked:
 *     a worker's own fetches escape the page's emulation, and a first visit has none); then, in a
 *     profile with the same session that visited once with its worker, the same again (warm:
 *     HTTP cache, service worker, IndexedDB copy);
 *   - keystroke → second client (another browser profile, same network profile): median and max;
 * and once, unthrottled: bytes per minute of an idle open document with three other people present
 * (stock y-websocket clients with awareness states), with and without low-data mode, and again
 * while the three others move their carets every 2 s (`--profiles ''` runs only these).
 * "Bytes" are bytes from the server at the moment the page is usable, and until the network has
 * been quiet for 2 s (what is fetched after, e.g. a service worker's precache).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startAccordForBench } from '../lib/startAccordForBench.js';
import { openProvider } from '../lib/benchProvider.js';
import { median } from '../src/stats.js';
import { startByteCountingProxy, type ByteCountingProxy } from './byteCountingProxy.js';
import { ARTICLES, PASSWORD, createNetworkFixture, type NetworkFixture, type Person } from './fixture.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};

/** kbit/s → bytes/s as DevTools wants them; RTT in ms */
const PROFILES = {
  '2G': { downKbit: 50, upKbit: 20, rttMs: 500 },
  slow3G: { downKbit: 400, upKbit: 400, rttMs: 400 },
  '4G': { downKbit: 9000, upKbit: 9000, rttMs: 60 },
} as const;
type ProfileName = keyof typeof PROFILES;

const PARAMS = {
  profiles: option('profiles', '2G,slow3G,4G').split(',').filter(Boolean) as ProfileName[],
  idleSeconds: Number(option('idle-seconds', '60')),
  keystrokes: Number(option('keystrokes', '5')),
  label: option('label', 'run'),
  articles: ARTICLES,
  viewport: { width: 412, height: 860 },
};
const TARGETS = { signInAndListKB: 120, documentPageKB: 250 };
const PAGE_TIMEOUT = 600_000;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface Phase {
  usableMs: number;
  /** KB from the server when usable, and until quiet */
  downKB: number;
  downUntilQuietKB: number;
  upKB: number;
}

async function phase(proxy: ByteCountingProxy, action: () => Promise<void>): Promise<Phase> {
  const down0 = proxy.down;
  const up0 = proxy.up;
  const t0 = performance.now();
  await action();
  const usableMs = performance.now() - t0;
  const downAtUsable = proxy.down - down0;
  const deadline = performance.now() + 120_000;
  while (performance.now() - proxy.lastByteAt < 2000 && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    usableMs: Math.round(usableMs),
    downKB: kb(downAtUsable),
    downUntilQuietKB: kb(proxy.down - down0),
    upKB: kb(proxy.up - up0),
  };
}

/**
 * `--resources`: what the page downloads in each cold phase, largest first (encoded bytes of each
 * response as Chromium reports them, and WebSocket frames received), printed to stderr.
 */
function listResources(page: Page): (title: string) => void {
  const sizes = new Map<string, number>();
  const add = (key: string, bytes: number) => sizes.set(key, (sizes.get(key) ?? 0) + bytes);
  page.on('requestfinished', (request) => {
    void request
      .sizes()
      .then((s) => add(new URL(request.url()).pathname, s.responseBodySize + s.responseHeadersSize));
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => add('websocket frames', Buffer.byteLength(frame.payload)));
  });
  return (title) => {
    if (!args.includes('--resources')) return;
    const rows = [...sizes].sort((a, b) => b[1] - a[1]);
    log(
      `${title}: ${rows.map(([key, bytes]) => `\n  ${kb(bytes).toFixed(1).padStart(7)} KB  ${key}`).join('')}`,
    );
    sizes.clear();
  };
}

async function throttle(context: BrowserContext, page: Page, profile: ProfileName): Promise<void> {
  const p = PROFILES[profile];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: p.rttMs,
    downloadThroughput: (p.downKbit * 1000) / 8,
    uploadThroughput: (p.upKbit * 1000) / 8,
  });
}

const editable = (page: Page) =>
  page.waitForFunction(
    (articles) =>
      !!document.querySelector('.ProseMirror[contenteditable="true"]') &&
      document.querySelectorAll('.ProseMirror section[data-type="article"]').length >= articles,
    ARTICLES,
    { timeout: PAGE_TIMEOUT, polling: 50 },
  );

async function signedInContext(browser: Browser, baseUrl: string, person: Person): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PARAMS.viewport, locale: 'en-GB' });
  const [name, ...value] = person.api.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }]);
  return context;
}

async function keystrokes(a: Page, b: Page, samples: number): Promise<number[]> {
  await a.locator('.ProseMirror p').nth(1).click();
  await a.keyboard.press('End');
  // earlier profiles typed into the same document: count from what is there now
  const before = await b.evaluate(
    () => (document.querySelector('.ProseMirror')!.textContent ?? '').split('Q').length - 1,
  );
  const times: number[] = [];
  for (let i = 1; i <= samples; i++) {
    // plain JavaScript source: tsx would wrap named functions in a helper the page does not have
    await b.evaluate(`(() => {
      delete window.__seen;
      const editor = document.querySelector('.ProseMirror');
      const observer = new MutationObserver(check);
      function check() {
        if ((editor.textContent || '').split('Q').length - 1 >= ${before + i}) {
          window.__seen = Date.now();
          observer.disconnect();
        }
      }
      observer.observe(editor, { childList: true, subtree: true, characterData: true });
      check();
    })()`);
    const sentAt = Date.now();
    await a.keyboard.type('Q');
    const seen = await b.waitForFunction(() => (window as unknown as { __seen?: number }).__seen, null, {
      timeout: PAGE_TIMEOUT,
      polling: 10,
    });
    times.push(((await seen.jsonValue()) as number) - sentAt);
    await a.waitForTimeout(300);
  }
  return times;
}

async function runProfile(
  browser: Browser,
  proxy: ByteCountingProxy,
  fixture: NetworkFixture,
  profile: ProfileName,
) {
  log(`${profile}: cold sign-in page`);
  // a first visit has no service worker yet, and the fetches a worker makes for the page are not
  // throttled by the page's emulation: the cold visit runs with workers blocked (the worker's
  // install costs no download: it takes the shell from the HTTP cache, see `primed` below)
  const context = await browser.newContext({
    viewport: PARAMS.viewport,
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  let page = await context.newPage();
  await throttle(context, page, profile);
  const resources = listResources(page);
  const signInPage = await phase(proxy, async () => {
    await page.goto(`${proxy.url}/sign-in`, { timeout: PAGE_TIMEOUT });
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: PAGE_TIMEOUT });
  });
  resources('sign-in page');
  log(`${profile}: sign in → list`);
  const list = await phase(proxy, async () => {
    await page.getByLabel('Email address').fill(fixture.author.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: fixture.title }).waitFor({ timeout: PAGE_TIMEOUT });
  });
  resources('sign in → list');
  log(`${profile}: list → editable document`);
  const documentPage = await phase(proxy, async () => {
    await page.getByRole('link', { name: fixture.title }).click();
    await editable(page);
  });
  resources('list → editable document');
  await page.close();
  log(`${profile}: first visit with the service worker (unthrottled), then warm list and document`);
  const warmContext = await browser.newContext({ viewport: PARAMS.viewport, locale: 'en-GB' });
  await warmContext.addCookies(await context.cookies());
  await context.close();
  page = await warmContext.newPage();
  const primed = await phase(proxy, async () => {
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT });
    await page.getByRole('link', { name: fixture.title }).click();
    await editable(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: PAGE_TIMEOUT,
    });
    await page.getByTestId('connection-status').getByText('Online').waitFor({ timeout: PAGE_TIMEOUT });
  });
  await page.waitForTimeout(1000);
  await page.close();
  page = await warmContext.newPage();
  await throttle(warmContext, page, profile);
  const warmList = await phase(proxy, async () => {
    await page.goto(`${proxy.url}/`, { timeout: PAGE_TIMEOUT });
    await page.getByRole('link', { name: fixture.title }).waitFor({ timeout: PAGE_TIMEOUT });
  });
  const warmDocument = await phase(proxy, async () => {
    await page.getByRole('link', { name: fixture.title }).click();
    await editable(page);
  });
  log(`${profile}: keystrokes to a second client`);
  const other = await signedInContext(browser, proxy.url, fixture.coDrafter);
  const second = await other.newPage();
  await throttle(other, second, profile);
  await second.goto(`${proxy.url}/documents/${fixture.documentId}`, { timeout: PAGE_TIMEOUT });
  await editable(second);
  await page.getByTestId('connection-status').getByText('Online').waitFor({ timeout: PAGE_TIMEOUT });
  await second.getByTestId('connection-status').getByText('Online').waitFor({ timeout: PAGE_TIMEOUT });
  const keys = await keystrokes(page, second, PARAMS.keystrokes);
  await other.close();
  await warmContext.close();
  return {
    profile,
    ...PROFILES[profile],
    cold: {
      signInPage,
      signInToList: list,
      listToEditableDocument: documentPage,
      signInPageAndListKB: Math.round((signInPage.downKB + list.downKB) * 10) / 10,
      signInToEditableMs: list.usableMs + documentPage.usableMs,
    },
    /** list + document page of a first visit with the service worker allowed (unthrottled): bytes */
    firstVisitWithServiceWorkerKB: primed.downUntilQuietKB,
    warm: {
      list: warmList,
      listToEditableDocument: warmDocument,
      toEditableMs: warmList.usableMs + warmDocument.usableMs,
      toEditableKB: Math.round((warmList.downKB + warmDocument.downKB) * 10) / 10,
    },
    keystrokeMs: { median: Math.round(median(keys)), max: Math.max(...keys), samples: keys },
  };
}

type IdleCase = { lowData: boolean; caretsMoving: boolean };

async function idle(
  browser: Browser,
  proxy: ByteCountingProxy,
  fixture: NetworkFixture,
  wsUrl: string,
  { lowData, caretsMoving }: IdleCase,
) {
  log(
    `open document, three others present${caretsMoving ? ' moving carets' : ''}, low data ${lowData}, ${PARAMS.idleSeconds} s`,
  );
  const context = await signedInContext(browser, proxy.url, fixture.author);
  // the device's low-data choice (Settings → This device) is kept in localStorage
  await context.addInitScript((on) => window.localStorage.setItem('accord.lowData', on ? '1' : '0'), lowData);
  const page = await context.newPage();
  await page.goto(`${proxy.url}/documents/${fixture.documentId}`);
  await editable(page);
  const others = fixture.reviewers.map((r, i) => {
    const provider = openProvider(wsUrl, r.api.cookie, fixture.documentId);
    provider.awareness.setLocalStateField('user', { name: r.name, color: ['#d33', '#3a3', '#33d'][i] });
    return provider;
  });
  let moves = 0;
  const mover = caretsMoving
    ? setInterval(() => {
        moves++;
        for (const provider of others)
          provider.awareness.setLocalStateField('cursor', { anchor: moves, head: moves + 3 });
      }, 2000)
    : null;
  await page.waitForTimeout(5000);
  const down0 = proxy.down;
  const up0 = proxy.up;
  await page.waitForTimeout(PARAMS.idleSeconds * 1000);
  const perMinute = 60 / PARAMS.idleSeconds;
  const result = {
    lowData,
    caretsMoving,
    seconds: PARAMS.idleSeconds,
    downBytesPerMinute: Math.round((proxy.down - down0) * perMinute),
    upBytesPerMinute: Math.round((proxy.up - up0) * perMinute),
  };
  if (mover) clearInterval(mover);
  for (const provider of others) provider.destroy();
  await context.close();
  return result;
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    execFileSync('npm', ['run', '--silent', 'build', '-w', 'client'], { cwd: root, stdio: 'ignore' });
  }
  const server = await startAccordForBench({
    name: 'network',
    env: {
      LOGIN_MAX_ATTEMPTS: '1000',
      ...(process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {}),
    },
  });
  const proxy = await startByteCountingProxy(new URL(server.url));
  let browser: Browser | null = null;
  try {
    const fixture = await createNetworkFixture(server);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const profiles = [];
    for (const profile of PARAMS.profiles) profiles.push(await runProfile(browser, proxy, fixture, profile));
    const idleResult = [];
    if (PARAMS.idleSeconds > 0)
      for (const caretsMoving of [false, true])
        for (const lowData of [false, true])
          idleResult.push(await idle(browser, proxy, fixture, server.wsUrl, { lowData, caretsMoving }));
    const cold = profiles[0]?.cold;
    const result = {
      benchmark: 'Accord on slow connections (issue 18)',
      label: PARAMS.label,
      date: new Date().toISOString(),
      parameters: PARAMS,
      targets: TARGETS,
      verdict: cold && {
        signInAndListKB: cold.signInPageAndListKB,
        signInAndList: cold.signInPageAndListKB <= TARGETS.signInAndListKB ? 'meets' : 'MISSES',
        documentPageKB: cold.listToEditableDocument.downKB,
        documentPage: cold.listToEditableDocument.downKB <= TARGETS.documentPageKB ? 'meets' : 'MISSES',
      },
      profiles,
      idle: idleResult,
    };
    const text = JSON.stringify(result, null, 2);
    console.log(text);
    fs.writeFileSync(path.join(import.meta.dirname, `results-${PARAMS.label}.json`), text + '\n');
  } finally {
    await browser?.close();
    await proxy.close();
    await server.stop();
  }
}

await main();
