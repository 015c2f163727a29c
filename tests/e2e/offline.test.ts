import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { launchChromium } from './launchChromium.js';

/**
 * Issue 18: the service worker opens the app with no network, a document opened before is
 * readable and editable offline from its saved copy and syncs when the connection returns, and a
 * new build installs in the background behind a "new version — reload" notice.
 * The server serves a copy of the build (the update test changes its sw.js).
 */
const built = path.resolve(import.meta.dirname, '..', '..', 'client', 'dist');
const WAIT = { timeout: 20_000, interval: 100 };
let dist: string;
let server: TestServer;
let browser: Browser;
let ana: NewUser;
const contexts: BrowserContext[] = [];

async function signedInContext(user: NewUser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, locale: 'en-GB' });
  contexts.push(context);
  const [name, ...value] = user.api.cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
  return context;
}

const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const editor = (page: Page) => page.locator('.ProseMirror');

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-offline-dist-'));
  fs.cpSync(built, dist, { recursive: true });
  [server, browser] = await Promise.all([startServer({ env: { CLIENT_DIST: dist } }), launchChromium()]);
  ana = await newUser(new ApiClient(server.url), { name: 'Ana Offline' });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('offline', () => {
  let documentId = '';
  let context: BrowserContext;

  it('opens a document opened before with no network, editable, and sends the edits when back online', async () => {
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Offline agreement',
      kind: 'other',
    });
    documentId = created.body.document.id;
    context = await signedInContext(ana);
    const online = await context.newPage();
    await online.goto(`${server.url}/documents/${documentId}`);
    await editor(online).locator('p').last().click();
    await online.keyboard.type('Typed online.');
    await online.getByTestId('connection-status').getByText('Online').waitFor();
    await online.locator('.save-indicator--saved').first().waitFor(WAIT);
    await controlled(online);
    await online.close();

    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`${server.url}/documents/${documentId}`);
    await expect.poll(() => editor(offline).textContent(), WAIT).toContain('Typed online.');
    await offline
      .getByTestId('saved-copy')
      .getByText(/Showing your saved copy/)
      .waitFor(WAIT);
    await offline.getByTestId('connection-status').getByText('Offline').waitFor(WAIT);
    await editor(offline).locator('p').last().click();
    await offline.keyboard.press('End');
    await offline.keyboard.type(' Typed offline.');
    await expect.poll(() => editor(offline).textContent(), WAIT).toContain('Typed offline.');

    // the list, offline, shows the document as available offline
    const list = await context.newPage();
    await list.goto(`${server.url}/`);
    await list.getByRole('link', { name: 'Offline agreement' }).waitFor(WAIT);
    await list.getByTestId('available-offline').first().waitFor(WAIT);
    await list.close();

    await context.setOffline(false);
    await offline.getByTestId('connection-status').getByText('Online').waitFor({ timeout: 30_000 });
    await offline.locator('.save-indicator--saved').first().waitFor(WAIT);
    await expect.poll(() => offline.getByTestId('saved-copy').textContent(), WAIT).toBe('');

    // another device of another session sees the text typed offline
    const elsewhere = await (await signedInContext(ana)).newPage();
    await elsewhere.goto(`${server.url}/documents/${documentId}`);
    await expect.poll(() => editor(elsewhere).textContent(), WAIT).toContain('Typed offline.');
  });

  it('installs a new build in the background and reloads into it when asked, from the keyboard', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await controlled(page);
    const before = await cacheNames(page);
    expect(before.filter((name) => name.startsWith('accord-'))).toHaveLength(1);

    // a new build: a new worker version (the server reads its files at each request)
    const sw = path.join(dist, 'sw.js');
    const next = fs
      .readFileSync(sw, 'utf8')
      .replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1next'");
    fs.writeFileSync(sw, next);
    fs.writeFileSync(`${sw}.br`, zlib.brotliCompressSync(next));
    fs.writeFileSync(`${sw}.gz`, zlib.gzipSync(next));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const reload = page.getByRole('button', { name: 'Reload' });
    await page.getByText('A new version of Accord is available.').waitFor(WAIT);
    await reload.focus();
    const reloaded = page.waitForEvent('load', { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await reloaded;
    await controlled(page);
    await expect
      .poll(async () => (await cacheNames(page)).filter((name) => name.startsWith('accord-')), WAIT)
      .toEqual([`${before.find((name) => name.startsWith('accord-'))}next`]);
    await expect.poll(() => page.getByText('A new version of Accord is available.').count(), WAIT).toBe(0);
  });
});
