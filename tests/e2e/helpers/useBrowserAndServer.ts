import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../../helpers/server.js';
import { launchChromium } from '../launchChromium.js';
import { signIn, type SignInUser } from './signIn.js';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const screenshots = path.join(root, 'test-results');

type Viewport = { width: number; height: number };

export interface BrowserAndServerOptions {
  /** screenshots are written to test-results/<prefix><name>.png */
  screenshotPrefix: string;
  /** whether `shot` captures the full page unless told otherwise */
  fullPageShots: boolean;
  /** the viewport of a new page unless told otherwise */
  viewport: Viewport;
  /** also print every uncaught page exception as it happens */
  logPageErrors?: boolean;
  /** called with every new page (e.g. to handle its dialogs) */
  onPage?: (page: Page) => void;
  /** extra environment of the server, computed in beforeAll (e.g. an SMTP server's URL) */
  serverEnv?: () => Promise<Record<string, string>>;
}

export interface BrowserAndServer {
  /** the file's server (started in beforeAll) */
  readonly server: TestServer;
  /** A fresh browser profile (its own cookies and IndexedDB), like another person's computer. */
  newPage(viewport?: Viewport): Promise<Page>;
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  /** signs `user` in through the sign-in page that `documentPath` redirects to */
  signIn(
    page: Page,
    user: SignInUser,
    documentPath?: string,
    signedIn?: (url: URL) => boolean,
  ): Promise<void>;
}

/**
 * The set-up of an end-to-end test file: the built server and Debian's Chromium, started before
 * the file's tests and stopped after them; every page's uncaught exceptions fail the test during
 * which they happened.
 */
export function useBrowserAndServer(options: BrowserAndServerOptions): BrowserAndServer {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  /** uncaught exceptions in any page: each one fails the test during which it happened */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    const env = (await options.serverEnv?.()) ?? {};
    [server, browser] = await Promise.all([startServer({ env }), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => {})));
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const started = () => {
    if (!server || !browser) throw new Error('the server and the browser start in beforeAll');
    return { server, browser };
  };

  return {
    get server() {
      return started().server;
    },
    async newPage(viewport = options.viewport) {
      const context = await started().browser.newContext({ viewport, locale: 'en-GB' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => {
        pageErrors.push(error.message);
        if (options.logPageErrors) console.error('page error:', error.message);
      });
      options.onPage?.(page);
      return page;
    },
    async shot(page, name, fullPage = options.fullPageShots) {
      await page.screenshot({
        path: path.join(screenshots, `${options.screenshotPrefix}${name}.png`),
        fullPage,
      });
    },
    async signIn(page, user, documentPath = '/', signedIn) {
      await signIn(page, started().server.url + documentPath, user, signedIn);
    },
  };
}
