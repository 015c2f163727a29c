import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser } from '../helpers/api.js';
import { createDocument } from './helpers/createDocument.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

// Issue 11 in the browser: freeze two versions around an edit, compare them (a modified clause
// highlighted, a renumbered one shown quietly), move the document through the workflow until the
// editor is read-only, publish, make it public, and download and verify a file signed out.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 20_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'versions-',
  fullPageShots: true,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Document views' }).getByRole('link', { name, exact: true });

async function freeze(page: Page, name: string, number: number) {
  await nav(page, 'Versions').click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Freeze version' }).click();
  await page.getByTestId(`version-${number}`).waitFor(WAIT);
}

async function saved(page: Page) {
  await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
}

describe('versions, comparison, workflow and publishing in the browser', () => {
  it('freeze, compare, lock, publish, and verify a download signed out', async () => {
    const ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    const page = await newPage();
    await signIn(page, ana);
    await createDocument(page, {
      title: 'Agreement on access to justice',
      kind: 'agreement',
      fromTemplate: true,
    });
    await page.locator('.ProseMirror').getByText('The purpose of this Agreement is to').waitFor(WAIT);
    await saved(page);

    // version 1: the template as it is
    await freeze(page, 'Draft after the Bogotá meeting', 1);
    await expect.poll(() => page.getByTestId('version-1').innerText()).toContain('First version');

    // an edit: article 1's text changes, a new article 2 renumbers "Definitions" from 2 to 3
    await nav(page, 'Live text').click();
    await page.locator('.ProseMirror').getByText('The purpose of this Agreement is to').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' guarantee access to justice');
    await page.getByRole('button', { name: 'Insert an article' }).click();
    await page.keyboard.type('Legal aid');
    await saved(page);

    await freeze(page, 'Draft after Lima', 2);
    const version2 = page.getByTestId('version-2');
    await expect.poll(() => version2.innerText(), WAIT).toMatch(/\d+ added · 1 modified/);
    await shot(page, '01-versions');

    // the comparison of 1 and 2
    await version2.getByRole('button', { name: 'Compare with previous' }).click();
    await page.getByTestId('compare-rows').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('compare-summary').innerText()).toContain('1 modified');
    const modified = page.locator('.compare-row--changed[data-changes~="modified"]').first();
    await expect.poll(() => modified.locator('ins').count()).toBeGreaterThan(0);
    expect(await modified.locator('ins').first().innerText()).toContain('guarantee');
    expect(await modified.locator('ins .visually-hidden').first().textContent()).toContain('inserted:');
    // and who made the change (issue 13: every edit attributed to its author)
    expect(await modified.getByTestId('change-authors').innerText()).toBe('Written by Ana Quispe');
    // "Definitions" renumbered: shown quietly, with both numbers, no wording change
    const renumbered = page
      .locator('.compare-row[data-changes="renumbered"]', { hasText: 'Article 2' })
      .first();
    await expect.poll(() => renumbered.getAttribute('class')).toContain('compare-row--quiet');
    expect(await renumbered.locator('.clause-numbers').innerText()).toMatch(
      /^Article 2\s*→[\s\S]*Article 3$/,
    );
    expect(await renumbered.locator('ins, del').count()).toBe(0);
    // keyboard: n goes to the first change
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('change-position').innerText()).toMatch(/^Change 1 of \d+$/);
    await shot(page, '02-compare-inline');
    await page.getByRole('button', { name: 'Side by side' }).click();
    await shot(page, '03-compare-side');
    await page.setViewportSize({ width: 390, height: 844 });
    // on a phone the views are in the header's menu
    await page.getByRole('button', { name: 'Document details and views' }).click();
    await page.getByTestId('compare-rows').scrollIntoViewIfNeeded();
    await shot(page, '04-compare-phone', false);
    await page.getByRole('button', { name: 'Inline' }).click();
    await page.getByLabel('Show unchanged clauses').check();
    await expect
      .poll(() => page.locator('.compare-row[data-changes="unchanged"]').count())
      .toBeGreaterThan(0);
    await shot(page, '05-compare-phone-unchanged', false);
    await nav(page, 'Versions').click();
    await page.getByTestId('version-2').scrollIntoViewIfNeeded();
    await shot(page, '06-versions-phone', false);
    await page.setViewportSize({ width: 1280, height: 900 });

    // a version read-only, with the editor's numbering
    await page.getByTestId('version-1').getByRole('button', { name: 'Open' }).click();
    await expect
      .poll(() => page.getByTestId('version-banner').innerText(), WAIT)
      .toContain('Version 1 — read-only');
    await expect
      .poll(() =>
        page.locator('.version-view section[data-type="article"]').first().getAttribute('data-number-label'),
      )
      .toBe('Article 1');
    expect(await page.locator('.version-view .ProseMirror').getAttribute('contenteditable')).toBe('false');
    await shot(page, '11-version-readonly', false);

    // a download of a version from the app: prepared, then saved under the server's name
    await page.getByTestId('version-banner').getByText('Download').click();
    const [appDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('version-banner').getByRole('button', { name: 'Markdown' }).click(),
    ]);
    expect(appDownload.suggestedFilename()).toMatch(/^Agreement on access to justice-v1\.md$/);
    await page.getByRole('button', { name: 'Back to the live text' }).click();

    // workflow: drafting → review → final; in final the editor is read-only and says why
    const changeStage = async (to: string) => {
      await page.getByRole('button', { name: 'Change stage…' }).click();
      await page.getByLabel('Move to').selectOption({ label: to });
      await page.getByRole('button', { name: 'Change stage', exact: true }).click();
      await expect.poll(() => page.locator('[aria-current="step"]').innerText(), WAIT).toContain(to);
    };
    await changeStage('Review');
    expect(await page.locator('.ProseMirror').getAttribute('contenteditable')).toBe('true');
    await changeStage('Final');
    await expect.poll(() => page.locator('.ProseMirror').getAttribute('contenteditable'), WAIT).toBe('false');
    await expect
      .poll(() => page.getByTestId('locked-note').innerText())
      .toContain('The text is locked (Final)');
    await shot(page, '07-final-locked', false);

    // publish version 2 as 1.0; make the document public
    await nav(page, 'Versions').click();
    await page.getByTestId('version-2').getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('button', { name: 'Publish as 1.0' }).click();
    await page.getByTestId('publication-1.0').waitFor(WAIT);
    await expect.poll(() => page.locator('[aria-current="step"]').innerText(), WAIT).toContain('Published');
    const publicSwitch = page.getByRole('switch', { name: 'Public' });
    expect(await publicSwitch.getAttribute('aria-checked')).toBe('false');
    await publicSwitch.click();
    await expect.poll(() => publicSwitch.getAttribute('aria-checked'), WAIT).toBe('true');
    const link = page.getByTestId('publication-1.0').getByRole('link', { name: /Public page/ });
    const publicUrl = new URL((await link.getAttribute('href'))!, e2e.server.url).toString();
    await shot(page, '08-published');

    // signed out, in another browser: the public page, a download, and its verification
    const stranger = await newPage();
    await stranger.goto(publicUrl);
    await stranger.getByRole('heading', { name: 'Downloads' }).waitFor(WAIT);
    const [download] = await Promise.all([
      stranger.waitForEvent('download'),
      stranger.getByRole('link', { name: 'Markdown' }).click(),
    ]);
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-')),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8')).toContain('guarantee access to justice');
    await stranger.locator('input[type="file"][name="file"]').setInputFiles(file);
    await Promise.all([
      stranger.waitForURL(/\/verify$/),
      stranger.locator('form[action$="/verify"] button').click(),
    ]);
    expect(await stranger.locator('[data-match]').getAttribute('data-match')).toBe('true');

    // the same views in Spanish
    await page.evaluate(() => window.localStorage.setItem('accord:language', 'es'));
    await page.reload();
    await page.getByRole('heading', { name: 'Versiones y publicaciones' }).waitFor(WAIT);
    await shot(page, '09-versions-es');
    // a locked text has nothing left to send: the reloaded page says so
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Guardado');
    await page.getByTestId('version-2').getByRole('button', { name: 'Comparar con la anterior' }).click();
    await page.getByTestId('compare-rows').waitFor(WAIT);
    await shot(page, '10-compare-es');
  });
});
