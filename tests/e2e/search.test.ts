import { describe, expect, it } from 'vitest';
import { importMarkdown } from '@accord/shared';
import { ApiClient, newUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17, search: in a document, every match is highlighted (without accents or capitals),
 * "1 of 3", Enter and Shift+Enter move between them, Escape closes; on My documents, a search in
 * the text shows the clause's snippet with the match marked and opens the document there.
 */
const e2e = useBrowserAndServer({
  screenshotPrefix: 'search-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

const markdown = [
  '# Acuerdo de Escazú',
  '',
  'Artículo 1 — Participación',
  '',
  '1. La participación pública es un derecho de toda persona.',
  '',
  'Artículo 2 — Acceso',
  '',
  '1. Se garantiza la PARTICIPACION y el acceso a la información ambiental.',
].join('\n');

describe('search', () => {
  it('finds in the document with highlights and next/previous, and across documents with snippets', async () => {
    const owner = await newUser(new ApiClient(e2e.server.url), { name: 'Sofía Searcher' });
    const created = await owner.api.request('POST', '/api/documents', {
      title: 'Acuerdo de Escazú',
      content: importMarkdown(markdown).json,
    });
    expect(created.status).toBe(201);
    const documentId: string = created.body.document.id;

    const page = await newPage();
    await signIn(page, owner, `/documents/${documentId}`);
    await page.locator('.editor-content').getByText('información ambiental').waitFor();
    await page.getByTestId('doc-search-open').click();
    const input = page.getByTestId('doc-search-input');
    await input.fill('participacion');
    const count = page.getByTestId('doc-search-count');
    await expect.poll(() => count.textContent()).toBe('1 of 3');
    expect(await page.locator('.editor-content .search-match').count()).toBe(3);
    expect(await page.locator('.editor-content .search-match--current').textContent()).toBe('Participación');
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe('2 of 3');
    expect(await page.locator('.editor-content .search-match--current').textContent()).toBe('participación');
    await input.press('Enter');
    await input.press('Enter');
    await expect.poll(() => count.textContent()).toBe('1 of 3');
    await input.press('Shift+Enter');
    await expect.poll(() => count.textContent()).toBe('3 of 3');
    expect(await page.locator('.editor-content .search-match--current').textContent()).toBe('PARTICIPACION');
    await shot(page, 'in-document');
    await input.press('Escape');
    await expect.poll(() => page.locator('.editor-content .search-match').count()).toBe(0);
    expect(await input.count()).toBe(0);

    // Ctrl+F in the text opens it again
    await page.locator('.editor-content').getByText('información ambiental').click();
    await page.keyboard.press('Control+f');
    await page.getByTestId('doc-search-input').waitFor();

    await page.goto(`${e2e.server.url}/documents`);
    await page.getByLabel('Words to find in your documents’ text and comments').fill('informacion ambiental');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByTestId('search-results');
    await results.locator('mark', { hasText: 'información ambiental' }).waitFor();
    await shot(page, 'across');
    await results.getByRole('link', { name: /información ambiental/ }).click();
    await page.waitForURL(
      (url) => url.pathname === `/documents/${documentId}` && url.searchParams.has('clause'),
    );
    await page.locator('.editor-content').getByText('información ambiental').waitFor();

    // on a phone (390 px): the find box and the results fit the width
    const phone = await newPage({ width: 390, height: 800 });
    await signIn(phone, owner, `/documents/${documentId}`);
    await phone.locator('.editor-content').getByText('información ambiental').waitFor();
    await phone.getByTestId('doc-search-open').click();
    await phone.getByTestId('doc-search-input').fill('acceso');
    await expect.poll(() => phone.getByTestId('doc-search-count').textContent()).toBe('1 of 2');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'phone-in-document');
    await phone.goto(`${e2e.server.url}/documents`);
    await phone.getByLabel('Words to find in your documents’ text and comments').fill('participacion');
    await phone.getByRole('button', { name: 'Search', exact: true }).click();
    await phone.getByTestId('search-results').locator('mark').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'phone-across');
  });
});
