import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { appendParagraph, openProvider, whenSynced } from '../helpers/collab.js';
import { launchChromium } from './launchChromium.js';

/**
 * Issue 18: a tab opening a document with no saved copy loads its state over HTTP (compressed)
 * before it connects, so the socket's first sync carries only what is missing; a tab with a saved
 * copy connects only once the copy has loaded, so it neither receives the whole state again nor
 * sends the copy back up as a new change.
 */
const WAIT = { timeout: 20_000, interval: 100 };
const PARAGRAPHS = 60;
let server: TestServer;
let browser: Browser;
let ana: NewUser;
let documentId = '';
let stateBytes = 0;
const contexts: BrowserContext[] = [];
const providers: WebsocketProvider[] = [];

interface Traffic {
  stateRequests: number;
  received: number;
  sent: number;
}

/** What the page fetches from /state and what its collaboration socket sends and receives. */
function watch(page: Page): Traffic {
  const traffic: Traffic = { stateRequests: 0, received: 0, sent: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/state')) traffic.stateRequests++;
  });
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => (traffic.received += Buffer.byteLength(frame.payload)));
    socket.on('framesent', (frame) => (traffic.sent += Buffer.byteLength(frame.payload)));
  });
  return traffic;
}

const lastSentence = `Article ${PARAGRAPHS - 1}: the Parties shall`;

async function openUntilOnline(page: Page): Promise<void> {
  await page.goto(`${server.url}/documents/${documentId}`);
  await expect.poll(() => page.locator('.ProseMirror').textContent(), WAIT).toContain(lastSentence);
  await page.getByTestId('connection-status').getByText('Online').waitFor(WAIT);
  // the greeting's answers and the first awareness messages
  await page.waitForTimeout(1500);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  ana = await newUser(new ApiClient(server.url), { name: 'Ana State' });
  const created = await ana.api.request('POST', '/api/documents', {
    title: 'Regional agreement',
    kind: 'other',
  });
  documentId = created.body.document.id;
  const writer = openProvider(server.wsUrl, ana.api.cookie, documentId);
  providers.push(writer);
  await whenSynced(writer);
  for (let i = 0; i < PARAGRAPHS; i++) {
    appendParagraph(
      writer.doc,
      `Article ${i}: the Parties shall guarantee free legal aid and interpreters to everyone who needs them (${i}).`,
    );
  }
  // what a socket's first sync carries to a tab that has nothing (about 9 KB)
  stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
  expect(stateBytes).toBeGreaterThan(6000);
});

afterAll(async () => {
  for (const provider of providers) provider.destroy();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

describe('opening a document', () => {
  it('loads the state over HTTP first, then the socket sends only the rest; a repeat visit sends and receives no copy', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 860 }, locale: 'en-GB' });
    contexts.push(context);
    const [name, ...value] = ana.api.cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);

    const first = await context.newPage();
    const firstTraffic = watch(first);
    await openUntilOnline(first);
    expect(firstTraffic.stateRequests).toBe(1);
    expect(firstTraffic.received).toBeLessThan(stateBytes / 4);
    // the saved copy is written after the next frame; the page closes once it is there
    await first.waitForTimeout(1000);
    await first.close();

    const again = await context.newPage();
    const againTraffic = watch(again);
    await openUntilOnline(again);
    expect(againTraffic.stateRequests).toBe(0);
    expect(againTraffic.received).toBeLessThan(stateBytes / 4);
    expect(againTraffic.sent).toBeLessThan(stateBytes / 4);
  });
});
