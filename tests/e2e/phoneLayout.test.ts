import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

// Issue 12, the phone walkthrough (390×844): a one-row header, a bottom bar that opens the
// outline, the comments and the members as sheets, and nothing fixed over the text.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };
const PHONE = { width: 390, height: 844 };
const TITLE = 'Regional Agreement on Access to Justice for Rural and Indigenous Communities';

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-phone-',
  fullPageShots: false,
  viewport: PHONE,
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
const bar = (page: Page) => page.getByRole('navigation', { name: 'Document panels' });

/** Every visible fixed or sticky element that overlaps the element (none, if all is well). */
const coveringElements = (target: Locator) =>
  target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const covering: string[] = [];
    for (const other of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(other);
      if (style.position !== 'fixed' && style.position !== 'sticky') continue;
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (other.contains(element) || element.contains(other)) continue;
      const r = other.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top)
        covering.push(`${other.tagName.toLowerCase()}.${other.className}`);
    }
    return covering;
  });

describe('issue 12: the document page on a phone', () => {
  let ana: NewUser;
  let documentPath: string;

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    const created = await ana.api.request('POST', '/api/documents', { title: TITLE, kind: 'agreement' });
    expect(created.status).toBe(201);
    const documentId = created.body.document.id as string;
    documentPath = `/documents/${documentId}`;
    const outline = await ana.api.request('GET', `/api/documents/${documentId}/outline`);
    const clauses = outline.body.clauses as Array<{ clauseId: string; kind: string }>;
    const res = await ana.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId: clauses.find((clause) => clause.kind === 'article')!.clauseId },
      body: 'Should this say "rural and indigenous"?',
    });
    expect(res.status).toBe(201);
  });

  async function open(): Promise<Page> {
    const page = await newPage(PHONE);
    await e2e.signIn(page, ana, documentPath, (url) => url.pathname === documentPath);
    await editorOf(page).getByText('This Agreement shall enter into force').waitFor(WAIT);
    return page;
  }

  it('has a one-row header with a short title whose full text is at hand', async () => {
    const page = await open();
    const height = (selector: string) =>
      page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
    expect(await height('.app-header')).toBeLessThan(64);
    expect(await height('.doc-page__header')).toBeLessThan(64);
    const heading = page.locator('.document-title__text');
    expect(await heading.getAttribute('title')).toBe(TITLE);
    // one line, cut short
    const fontSize = await heading.evaluate((h1) => parseFloat(getComputedStyle(h1).fontSize));
    expect(fontSize).toBeLessThanOrEqual(18);
    expect(await heading.evaluate((h1) => h1.scrollWidth > h1.clientWidth)).toBe(true);
    // the full title, with the document's details and views, behind the menu button
    const menu = page.getByRole('button', { name: 'Document details and views' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Document views' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.locator('.doc-page__full-title').getByText(TITLE).waitFor(WAIT);
    await page.getByRole('navigation', { name: 'Document views' }).waitFor(WAIT);
    await shot(page, '01-menu-open');
    await menu.click();
    expect(await page.getByRole('navigation', { name: 'Document views' }).isVisible()).toBe(false);
    await shot(page, '02-header');
    await page.close();
  });

  it('opens the outline, the comments and the members as sheets from the bottom bar', async () => {
    const page = await open();
    const sheets = [
      { button: 'Outline', dialog: 'Document structure', focused: 'Outline' },
      { button: 'Comments', dialog: /^Comments/, focused: 'Comments' },
      { button: 'Members', dialog: 'About this document', focused: 'Members' },
    ];
    for (const { button, dialog, focused } of sheets) {
      const opener = bar(page).getByRole('button', { name: button });
      const sheet = page.getByRole('dialog', { name: dialog });
      expect(await sheet.isVisible()).toBe(false);
      // from the keyboard
      await opener.focus();
      await page.keyboard.press('Enter');
      await sheet.waitFor(WAIT);
      expect(await opener.getAttribute('aria-expanded')).toBe('true');
      // the focus moved into the sheet, to its heading
      await expect
        .poll(() => sheet.evaluate((element) => element.contains(document.activeElement)), WAIT)
        .toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(
        new RegExp(`^${focused}`),
      );
      // the bar stays reachable under it
      const hit = await opener.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return at !== null && element.contains(at);
      });
      expect(hit).toBe(true);
      await shot(page, `03-sheet-${button.toLowerCase()}`);
      await opener.click();
      await sheet.waitFor({ state: 'hidden', ...WAIT });
    }
    // the comments button says how many threads are open
    expect(await bar(page).getByRole('button', { name: 'Comments 1 open' }).count()).toBe(1);
    await page.close();
  });

  it('closes the comments sheet on Escape, gives the focus back, and offers no desktop shortcut', async () => {
    const page = await open();
    const opener = bar(page).getByRole('button', { name: /^Comments/ });
    await opener.click();
    const sheet = page.getByRole('dialog', { name: /^Comments/ });
    await sheet.getByTestId('comment-thread').first().waitFor(WAIT);
    const text = await sheet.innerText();
    expect(text).not.toMatch(/Alt\+|Ctrl\+|⌘|Shortcut/);
    expect(await sheet.locator('[aria-keyshortcuts]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden', ...WAIT });
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    await page.close();
  });

  it('goes to a clause from the outline sheet: the sheet closes, the clause shows uncovered', async () => {
    const page = await open();
    await bar(page).getByRole('button', { name: 'Outline' }).click();
    const sheet = page.getByRole('dialog', { name: 'Document structure' });
    await sheet
      .getByRole('treeitem', { name: 'Article 4 Entry into force', exact: true })
      .locator('> .outline__row')
      .click();
    await sheet.waitFor({ state: 'hidden', ...WAIT });
    const heading = editorOf(page).locator('h3', { hasText: 'Entry into force' });
    const box = await heading.evaluate((element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom, height: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expect(await coveringElements(heading)).toEqual([]);
    // the caret is in it: typing edits that clause
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);
    await shot(page, '06-outline-went-to-article-4');
    await page.close();
  });

  it('keeps every fixed or sticky element off the paragraph being edited', async () => {
    const page = await open();
    const paragraph = editorOf(page).locator('p', { hasText: 'This Agreement shall enter into force' });
    await paragraph.click();
    // the caret at the paragraph's very end: its last line is the one being typed on
    await paragraph.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      range.collapse(false);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    // at the end of the page, the last paragraph is above the bar
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
    expect(await coveringElements(paragraph)).toEqual([]);
    await shot(page, '04-page-end');
    // scrolled until it touches the bottom of the screen, then typed into: the text comes up
    // above the bar
    await paragraph.evaluate((element) => {
      const box = element.getBoundingClientRect();
      window.scrollBy(0, box.bottom - window.innerHeight + 4);
    });
    await page.waitForTimeout(100);
    await page.keyboard.type(' Typed on a phone.');
    await expect.poll(() => paragraph.innerText(), WAIT).toContain('Typed on a phone.');
    await page.waitForTimeout(100);
    await shot(page, '05-typing-at-the-bottom');
    expect(await coveringElements(paragraph)).toEqual([]);
    // and at the top of the text, under the header
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = editorOf(page).locator('p').first();
    expect(await coveringElements(first)).toEqual([]);
    await page.close();
  });
});
