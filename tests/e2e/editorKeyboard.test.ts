import { addMember } from '../helpers/members.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

// Issue 12, rough edges of the editor: Tab and Escape, the focus ring, the status while typing,
// "your offline changes were sent", reviewers and observers typing, the closing formula.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-editor-keyboard-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
const active = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      inText: element?.classList.contains('ProseMirror') ?? false,
      testId: element?.getAttribute('data-testid') ?? null,
      text: element?.innerText ?? '',
    };
  });
const pointsIn = (page: Page, selector: string) => editorOf(page).locator(selector).count();

/** Clicks into the text block holding `text` and waits until the caret is there (the page may
 * still shift under the pointer, e.g. while the status or a list above settles: then again). */
async function clickInto(page: Page, text: string): Promise<void> {
  const caretIn = () =>
    page.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('p, h1, h2, h3, h4')?.textContent ?? '';
    });
  for (let attempt = 0; attempt < 3; attempt++) {
    await editorOf(page).getByText(text).click();
    try {
      await expect.poll(caretIn, { timeout: 2_000, interval: 50 }).toContain(text);
      return;
    } catch {
      // clicked elsewhere: once more
    }
  }
  expect(await caretIn()).toContain(text);
}

/**
 * Presses `key` in the text block holding `text` until `done`. Seen about once in four runs of
 * this file under load (CI): the key left the structure as it was, and the caret was in the
 * block; so the click and the key are tried again, up to three times (the feature must work
 * every time a person tries: it is the first attempt that is not counted on).
 */
async function keyIn(page: Page, text: string, key: string, done: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await clickInto(page, text);
    await page.keyboard.press(key);
    try {
      await expect.poll(done, { timeout: 4_000, interval: 100 }).toBe(true);
      return;
    } catch {
      // the key went nowhere: click and press again
    }
  }
  expect(await done()).toBe(true);
}

describe('issue 12: the editor for keyboard users, readers and people offline', () => {
  let ana: NewUser;
  let bea: NewUser;
  let rui: NewUser;
  let obi: NewUser;
  let path = '';

  beforeAll(async () => {
    const register = (name: string) => newUser(new ApiClient(e2e.server.url), { name, password: PASSWORD });
    [ana, bea, rui, obi] = await Promise.all([
      register('Ana Quispe'),
      register('Bea Mensah'),
      register('Rui Diallo'),
      register('Obi Asante'),
    ]);
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Agreement for keyboard users',
      kind: 'agreement',
    });
    expect(created.status).toBe(201);
    const documentId = created.body.document.id as string;
    for (const [user, role] of [
      [bea, 'drafter'],
      [rui, 'reviewer'],
      [obi, 'observer'],
    ] as const) {
      await addMember(ana.api, documentId, user, role);
    }
    path = `/documents/${documentId}`;
  });

  async function open(user: NewUser, viewport?: { width: number; height: number }) {
    const page = await newPage(viewport);
    await e2e.signIn(page, { email: user.email, password: PASSWORD }, path, (url) => url.pathname === path);
    await editorOf(page).getByText('The depositary of this Agreement').waitFor(WAIT);
    return page;
  }

  it('Tab changes no paragraph into a point, Escape then Tab leaves the text, and the text has a focus ring', async () => {
    const page = await open(bea);
    // in a numbered paragraph (Tab used to make it a point of the one before) and a plain one
    const pointsBefore = await pointsIn(page, '[data-type="point"]');
    for (const paragraph of ['Each Party shall report on', 'This Agreement shall enter into force']) {
      await editorOf(page).getByText(paragraph).click();
      await page.keyboard.press('Tab');
      expect((await active(page)).inText).toBe(true);
      await page.waitForTimeout(200);
      expect(await pointsIn(page, '[data-type="point"]')).toBe(pointsBefore);
      await page.keyboard.press('Shift+Tab');
      expect((await active(page)).inText).toBe(true);
      await page.waitForTimeout(200);
      expect(await pointsIn(page, '[data-type="point"]')).toBe(pointsBefore);
    }
    // the focus ring of the page, around the text
    const ring = await page
      .locator('.editor')
      .evaluate((editor) => [getComputedStyle(editor).outlineStyle, getComputedStyle(editor).outlineWidth]);
    expect(ring).toEqual(['solid', '3px']);
    await shot(page, '01-focus-ring');

    // Escape leaves the text (and says so); Tab goes on to the next control: the shortcut list
    await page.keyboard.press('Escape');
    expect(await active(page)).toMatchObject({ inText: false, testId: 'editor-left' });
    expect((await active(page)).text).toContain('You left the text');
    await page.keyboard.press('Tab');
    expect((await active(page)).text).toBe('Keyboard shortcuts');
    await page.keyboard.press('Enter');
    const list = page.locator('.editor-keys');
    expect(await list.innerText()).toContain('Ctrl+]');
    expect(await list.innerText()).toContain('Elsewhere Tab changes nothing');
    // Shift+Tab goes back into the text (past the clause's "Comment" button, when it shows)
    await page.keyboard.press('Shift+Tab');
    if ((await active(page)).testId === 'comment-add-button') await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toMatchObject({ inText: true });
    expect(await editorOf(page).getAttribute('aria-describedby')).toBeTruthy();

    // structure on explicit keys: Tab in a point makes it a sub-point; Ctrl+] demotes a
    // numbered paragraph into a point of the one before, Ctrl+[ puts it back
    await keyIn(
      page,
      '“…” means ….',
      'Tab',
      async () => (await pointsIn(page, '[data-type="point"] [data-type="point"]')) === 1,
    );
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => pointsIn(page, '[data-type="point"] [data-type="point"]'), WAIT).toBe(0);
    await keyIn(
      page,
      'Each Party shall report on',
      'Control+BracketRight',
      async () => (await pointsIn(page, '[data-type="numbered-paragraph"] [data-type="point"]')) === 1,
    );
    await page.keyboard.press('Control+BracketLeft');
    await expect
      .poll(() => pointsIn(page, '[data-type="numbered-paragraph"] [data-type="point"]'), WAIT)
      .toBe(0);
    await page.close();
  });

  it('the status stays in view while typing at the end, and says when offline changes were sent', async () => {
    const page = await open(bea, { width: 1000, height: 520 });
    const status = page.getByTestId('editor-status');
    await expect.poll(() => status.innerText(), WAIT).toContain('Online');
    await editorOf(page).getByText('Done at').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' in Bogotá', { delay: 10 });
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const inView = await status.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
    expect(inView).toBe(true);
    await expect.poll(() => status.innerText(), WAIT).toContain('Saved');

    await page.context().setOffline(true);
    await expect.poll(() => status.innerText(), WAIT).toContain('Offline');
    await page.keyboard.type(' and Dakar', { delay: 10 });
    await expect.poll(() => status.innerText(), WAIT).toContain('Not saved — offline');
    await shot(page, '02-status-offline');
    await page.context().setOffline(false);
    const sent = 'Saved — your offline changes were sent';
    await expect.poll(() => status.innerText(), WAIT).toContain(sent);
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain(sent);
    const announced = page.locator(
      '.doc-page__status [role="status"][aria-live="polite"]:not([data-testid])',
    );
    await expect.poll(() => announced.innerText(), WAIT).toBe(sent);
    await page.close();
  });

  it('a reviewer or an observer typing into the text is told once why, and Space does not scroll', async () => {
    for (const [user, says] of [
      [rui, 'As a reviewer, you cannot change the text, but you can comment on it'],
      [obi, 'As an observer, you can read this text but not change it or comment on it'],
    ] as const) {
      const page = await open(user, { width: 1280, height: 600 });
      const note = page.getByTestId('readonly-typing');
      expect(await note.innerText()).toBe('');
      const clicked = editorOf(page).getByText('For the purposes of this Agreement');
      await clicked.click();
      // where the text is on the screen (the note that appears above it does not move it either)
      const onScreen = () => clicked.evaluate((element) => Math.round(element.getBoundingClientRect().top));
      const before = await onScreen();
      await page.keyboard.press('Space');
      await page.keyboard.type('abc');
      await expect.poll(() => note.innerText(), WAIT).toContain(says);
      expect(Math.abs((await onScreen()) - before)).toBeLessThan(5);
      expect(await editorOf(page).innerText()).not.toContain('abc');
      await shot(page, `03-readonly-${user.name.split(' ')[0]}`);
      // once: closed, it stays closed
      await note.getByRole('button', { name: 'Close' }).click();
      await editorOf(page).getByText('For the purposes of this Agreement').click();
      await page.keyboard.type('d');
      await page.waitForTimeout(300);
      expect(await note.innerText()).toBe('');
      await page.close();
    }
  });

  it('the closing formula is set apart from the last article, like the preamble', async () => {
    const page = await open(bea);
    const closing = editorOf(page).getByText('Done at');
    const style = await closing.evaluate((p) => {
      const css = getComputedStyle(p);
      return { border: css.borderTopStyle, gap: parseFloat(css.marginTop) + parseFloat(css.paddingTop) };
    });
    expect(style.border).toBe('solid');
    expect(style.gap).toBeGreaterThan(20);
    // an article's paragraph is not
    const inArticle = await editorOf(page)
      .getByText('The depositary of this Agreement')
      .evaluate((p) => getComputedStyle(p).borderTopStyle);
    expect(inArticle).toBe('none');
    await page.close();
  });
});
