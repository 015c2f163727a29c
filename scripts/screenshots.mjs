#!/usr/bin/env node
// `npm run screenshots [-- --out <dir>]`: builds, starts its own database and server on free
// loopback ports, creates a sample agreement and saves PNG screenshots of its page on a desktop
// (1280×800) and a phone (390×844) in each interface language, into <dir> (default screenshots/).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './lib/install.mjs';
import { CHROMIUM, ensureChromium } from './lib/chromium.mjs';
import { startDevdb } from './lib/devdb.mjs';
import { startServerProcess } from './lib/startServerProcess.mjs';

const LANGUAGES = ['en', 'es', 'pt', 'fr'];
const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};
const PASSWORD = 'sample password for screenshots';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' } } });
const outDir = path.resolve(values.out);

const SAMPLE = [
  '# Regional Agreement on Access to Justice',
  '',
  'The Parties to this Agreement,',
  '',
  'Recognizing that access to justice is a right of every person, without discrimination,',
  '',
  'Have agreed as follows:',
  '',
  'Article 1 — Purpose',
  '',
  '1. The purpose of this Agreement is to guarantee the full and effective access to justice of every person, in particular of people in situations of vulnerability.',
  '',
  'Article 2 — Community paralegals',
  '',
  '1. Each Party shall recognize the role of community paralegals and support their training.',
  '',
  '2. Each Party shall ensure that legal aid is available free of charge to those who cannot afford it.',
  '',
  'Article 3 — Entry into force',
  '',
  '1. This Agreement shall enter into force on the ninetieth day after the deposit of the eleventh instrument of ratification.',
].join('\n');

/** A small REST client that keeps the session cookie (no Origin header, like the tests' client). */
function apiClient(baseUrl) {
  let cookie = '';
  return async (method, route, body) => {
    const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) };
    const response = await fetch(baseUrl + route, { method, headers, body: JSON.stringify(body) });
    const set = response.headers.getSetCookie().find((line) => line.startsWith('accord.sid='));
    if (set) cookie = set.split(';')[0];
    const json = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
}

async function createSample(baseUrl) {
  const api = apiClient(baseUrl);
  const email = `sample-${crypto.randomBytes(4).toString('hex')}@example.org`;
  await api('POST', '/api/auth/register', {
    email,
    password: PASSWORD,
    name: 'Ana Quispe',
    organisation: { name: 'Red de Paralegales', kind: 'civil_society', country: 'PE' },
  });
  const { importMarkdown } = await import('@accord/shared');
  const { document } = await api('POST', '/api/documents', {
    title: 'Regional Agreement on Access to Justice',
    kind: 'agreement',
    content: importMarkdown(SAMPLE).json,
  });
  const { clauses } = await api('GET', `/api/documents/${document.id}/outline`);
  const article = clauses.find(
    (clause) => clause.kind === 'article' && clause.heading === 'Community paralegals',
  );
  if (article) {
    await api('POST', `/api/documents/${document.id}/comments`, {
      anchor: { kind: 'clause', clauseId: article.clauseId },
      body: 'Should the training be funded by the Parties?',
    });
  }
  return { email, path: `/documents/${document.id}` };
}

async function shoot(browser, baseUrl, sample) {
  fs.mkdirSync(outDir, { recursive: true });
  const files = [];
  for (const language of LANGUAGES) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, locale: language });
      try {
        await context.addInitScript((code) => localStorage.setItem('accord:language', code), language);
        const login = await context.request.post(`${baseUrl}/api/auth/login`, {
          data: { email: sample.email, password: PASSWORD },
        });
        if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
        const page = await context.newPage();
        await page.goto(baseUrl + sample.path);
        await page
          .locator('.ProseMirror')
          .getByText('community paralegals', { exact: false })
          .first()
          .waitFor();
        await page
          .locator('[data-testid="connection-status"].status-pill--online')
          .waitFor({ timeout: 15_000 });
        await page.evaluate(() => document.fonts.ready);
        // (the Portuguese interface declares its variant: lang="pt-BR")
        if ((await page.evaluate(() => document.documentElement.lang)).split('-')[0] !== language)
          throw new Error(`the page did not switch to ${language}`);
        const file = path.join(outDir, `document-${name}-${language}.png`);
        await page.screenshot({ path: file });
        files.push(file);
      } finally {
        await context.close();
      }
    }
  }
  return files;
}

await build();
await ensureChromium();
const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-screenshots-'));
let devdb;
let server;
let browser;
try {
  devdb = await startDevdb({ dir: dbDir, quiet: true });
  server = await startServerProcess({
    mongodbUri: `${devdb.uri}screenshots`,
    sessionSecret: crypto.randomBytes(32).toString('hex'),
    nodeEnv: 'production',
  });
  const sample = await createSample(server.url);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const files = await shoot(browser, server.url, sample);
  console.log(`accord: ${files.length} screenshots in ${outDir}`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  await devdb?.stop().catch(() => {});
  fs.rmSync(dbDir, { recursive: true, force: true });
}
