import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { selectText } from './helpers/selectText.js';
import { addMember } from '../helpers/members.js';

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };
const XSS = '<img src=x onerror=alert(1)>';

const dialogs: string[] = [];

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-comments-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
  onPage: (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
});
const { newPage, shot } = e2e;

/** Signs in and waits for the document's text. */
async function signIn(page: Page, user: { email: string; password: string }, documentPath: string) {
  await e2e.signIn(page, user, documentPath, (url) => url.pathname === documentPath);
  await page.locator('.ProseMirror').getByText('This Agreement shall enter into force').waitFor(WAIT);
}

/** Puts the caret right after `text` (inside the editor). */
async function caretAfter(page: Page, text: string, within = '.ProseMirror') {
  await page.evaluate(
    ({ text, within }) => {
      const editor = document.querySelector('.ProseMirror') as HTMLElement;
      editor.focus();
      const walker = document.createTreeWalker(document.querySelector(within)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + text.length);
        range.collapse(true);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, within },
  );
  await page.waitForTimeout(150);
}

const sidebarOf = (page: Page) => page.getByRole('complementary', { name: /^Comments/ });
const threadsOf = (page: Page) => sidebarOf(page).getByTestId('comment-thread');

describe('clause comments in the browser', () => {
  let documentPath = '';
  let ana: NewUser;
  let rui: NewUser;
  let bea: NewUser;
  let olu: NewUser;
  let reviewer: Page;
  let drafter: Page;

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), {
      name: 'Ana Quispe',
      password: PASSWORD,
      organisation: { name: 'Red de Paralegales', kind: 'civil_society', country: 'GT' },
    });
    rui = await newUser(new ApiClient(e2e.server.url), {
      name: 'Rui Reviewer',
      password: PASSWORD,
      organisation: { name: 'Universidade de Lisboa', kind: 'academic', country: 'PT' },
    });
    bea = await newUser(new ApiClient(e2e.server.url), {
      name: 'Bea Mensah',
      password: PASSWORD,
      organisation: { name: 'Ministry of Justice', kind: 'public_institution', country: 'GH' },
    });
    olu = await newUser(new ApiClient(e2e.server.url), { name: 'Olu Observer', password: PASSWORD });
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Regional agreement on access to justice',
      kind: 'agreement',
    });
    expect(created.status).toBe(201);
    documentPath = `/documents/${created.body.document.id}`;
    for (const [user, role] of [
      [rui, 'reviewer'],
      [bea, 'drafter'],
      [olu, 'observer'],
    ] as const) {
      await addMember(ana.api, created.body.document.id, user, role);
    }
  });

  it('a reviewer comments on a range; the drafter sees it live, edits the text, sees "edited", resolves', async () => {
    reviewer = await newPage();
    drafter = await newPage();
    await signIn(reviewer, rui, documentPath);
    await signIn(drafter, bea, documentPath);
    await sidebarOf(reviewer).getByText('No comments yet').waitFor(WAIT);
    await sidebarOf(drafter).getByText('No comments yet').waitFor(WAIT);

    // the reviewer selects a passage and presses Alt+Ctrl+M
    await selectText(reviewer, 'shall report');
    await reviewer.keyboard.press('Alt+Control+M');
    const composer = sidebarOf(reviewer).getByTestId('new-thread');
    await composer.waitFor();
    expect(await composer.innerText()).toContain('shall report');
    const box = composer.getByRole('combobox', { name: 'Your comment' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially('How often? Please ask @Be', { delay: 10 });
    // mention autocomplete: the drafter is suggested; Enter inserts her
    await composer.getByRole('option', { name: /Bea Mensah/ }).waitFor();
    await shot(reviewer, '01-composer-mention');
    await box.press('Enter');
    await box.pressSequentially('for the ministry view.\nSee https://example.org/reporting', { delay: 5 });
    await composer.getByRole('button', { name: 'Post comment' }).click();

    // posted: the thread takes the focus; its body shows the mention as a name and the link
    await threadsOf(reviewer).first().waitFor(WAIT);
    await expect
      .poll(() => reviewer.evaluate(() => document.activeElement?.getAttribute('data-testid')), WAIT)
      .toBe('comment-thread');
    const mine = threadsOf(reviewer).first();
    expect(await mine.innerText()).toContain('@Bea Mensah');
    expect(await mine.getByRole('link', { name: 'https://example.org/reporting' }).getAttribute('href')).toBe(
      'https://example.org/reporting',
    );
    await reviewer.locator('.ProseMirror .comment-highlight').first().waitFor(WAIT);
    expect(await reviewer.locator('.ProseMirror .comment-highlight').first().innerText()).toBe(
      'shall report',
    );
    await shot(reviewer, '02-reviewer-posted');

    // the drafter sees it without reloading, highlighted in the text
    const started = Date.now();
    await threadsOf(drafter).first().waitFor(WAIT);
    const liveMs = Date.now() - started;
    expect(liveMs).toBeLessThan(5_000);
    await drafter.locator('.ProseMirror .comment-highlight').first().waitFor(WAIT);
    expect(await threadsOf(drafter).first().innerText()).toMatch(/Rui Reviewer on Article \d+, paragraph 2/);
    // the filters name the commenters' countries in the interface language, not by their codes
    await sidebarOf(drafter).getByText('Filter', { exact: true }).click();
    expect(await sidebarOf(drafter).getByLabel('Country').locator('option').allInnerTexts()).toEqual([
      'Any',
      'Portugal',
    ]);
    await sidebarOf(drafter).getByText('Filter', { exact: true }).click();
    // the outline counts the open thread on its article (and on the chapter holding it)
    await expect
      .poll(async () => {
        const badges = await drafter.locator('.outline__comments').allInnerTexts();
        return badges.length > 0 && badges.every((text) => text.includes('1 open comment'));
      }, WAIT)
      .toBe(true);
    // and the mention reached her bell
    const bellStarted = Date.now();
    await expect
      .poll(() => drafter.getByTestId('notifications-button').getAttribute('aria-label'), { timeout: 70_000 })
      .toContain('1 unread');
    console.log(`comment live after ${liveMs} ms; bell after ${Date.now() - bellStarted} ms`);

    // clicking the highlight selects its thread
    await drafter.locator('.ProseMirror .comment-highlight').first().click();
    await expect
      .poll(() => threadsOf(drafter).first().getAttribute('class'), WAIT)
      .toContain('thread--active');

    // the drafter edits the text inside the commented passage
    await caretAfter(drafter, 'shall', '.ProseMirror .comment-highlight');
    await drafter.keyboard.type(' regularly', { delay: 20 });
    for (const page of [drafter, reviewer]) {
      await expect
        .poll(() => threadsOf(page).first().getByTestId('anchor-state').innerText(), WAIT)
        .toBe('Text edited');
      expect(await threadsOf(page).first().getByTestId('old-quote').innerText()).toBe('shall report');
      // the whole word, once every keystroke has arrived ('Text edited' shows at the first one)
      await expect
        .poll(() => threadsOf(page).first().getByTestId('current-quote').innerText(), WAIT)
        .toBe('shall regularly report');
    }
    await shot(drafter, '03-drafter-edited');

    // the drafter resolves it; both see it resolved
    await threadsOf(drafter).first().getByRole('button', { name: 'Resolve' }).click();
    for (const page of [drafter, reviewer]) {
      await threadsOf(page).first().getByTestId('thread-resolved').waitFor(WAIT);
    }
    expect(await threadsOf(drafter).first().getByRole('button', { name: 'Reopen' }).count()).toBe(1);
    await expect.poll(() => drafter.locator('.outline__comments').count(), WAIT).toBe(0);
    await shot(reviewer, '04-reviewer-resolved');
    // the reviewer opened the thread: her bell says who resolved it, and marks all read
    const bell = reviewer.getByTestId('notifications-button');
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toContain('1 unread');
    await bell.click();
    await reviewer
      .getByRole('link', { name: /Bea Mensah resolved a discussion you took part in/ })
      .waitFor(WAIT);
    await reviewer.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toContain('0 unread');
  });

  it('renders a comment body with markup as text', async () => {
    // a whole-clause comment from the clause button, with markup in the body
    await selectText(reviewer, 'This Agreement shall enter into force');
    await reviewer.evaluate(() => window.getSelection()!.collapseToStart());
    await reviewer.waitForTimeout(150);
    await reviewer.getByTestId('comment-add-button').click();
    const composer = sidebarOf(reviewer).getByTestId('new-thread');
    await composer.waitFor();
    expect(await composer.innerText()).toMatch(/New comment on (Article|\d)/);
    await composer.getByRole('combobox', { name: 'Your comment' }).fill(`Careful: ${XSS} and <b>bold</b>`);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    for (const page of [reviewer, drafter]) {
      await sidebarOf(page).getByText(`Careful: ${XSS} and <b>bold</b>`).waitFor(WAIT);
      expect(await sidebarOf(page).locator('img').count()).toBe(0);
      expect(await sidebarOf(page).locator('b').count()).toBe(0);
    }
    // the clause carries a comment marker in the text
    await drafter.locator('.ProseMirror .comment-clause').first().waitFor(WAIT);
    await drafter.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await shot(drafter, '05-markup-as-text');
  });

  it('an observer sees the comments but cannot comment', async () => {
    const observer = await newPage();
    await signIn(observer, olu, documentPath);
    await expect.poll(() => threadsOf(observer).count(), WAIT).toBe(2);
    await sidebarOf(observer).getByTestId('comments-readonly').waitFor();
    expect(await sidebarOf(observer).getByRole('button', { name: 'New comment' }).count()).toBe(0);
    expect(await sidebarOf(observer).getByRole('button', { name: 'Reply' }).count()).toBe(0);
    await selectText(observer, 'This Agreement shall enter');
    await observer.keyboard.press('Alt+Control+M');
    await observer.waitForTimeout(300);
    expect(await sidebarOf(observer).getByTestId('new-thread').count()).toBe(0);
    expect(await observer.getByTestId('comment-add-button').isVisible()).toBe(false);
    expect(await sidebarOf(observer).locator('img').count()).toBe(0);
    await shot(observer, '06-observer');

    // a phone: the comments are a sheet opened from the bottom bar
    const phone = await newPage({ width: 390, height: 800 });
    await signIn(phone, olu, documentPath);
    await phone
      .getByRole('navigation', { name: 'Document panels' })
      .getByRole('button', { name: /^Comments/ })
      .click();
    const sheet = phone.getByRole('dialog', { name: /^Comments/ });
    await expect.poll(() => sheet.getByTestId('comment-thread').count(), WAIT).toBe(2);
    await shot(phone, '07-narrow-panel');
  });

  it('a coordinator records a disposition; every reader sees it, with its history', async () => {
    const coordinator = await newPage();
    await signIn(coordinator, ana, documentPath);
    await expect.poll(() => threadsOf(coordinator).count(), WAIT).toBe(2);
    const thread = threadsOf(coordinator).first();
    await thread.getByRole('button', { name: 'Record disposition' }).click();
    const form = thread.getByRole('form', { name: 'Disposition of this comment' });
    await form.getByLabel('Disposition').selectOption('not_accepted');
    // a reason is required to turn a comment down
    expect(await form.getByRole('button', { name: 'Save disposition' }).isDisabled()).toBe(true);
    await form.getByLabel('Reason (required)').fill('Out of the scope of this agreement');
    await form.getByRole('button', { name: 'Save disposition' }).click();
    await thread.getByTestId('thread-disposition').getByText('Not accepted').waitFor(WAIT);
    // the reviewer sees it live, and cannot record one
    const seen = threadsOf(reviewer).getByTestId('thread-disposition');
    await seen.getByText('Out of the scope of this agreement').waitFor(WAIT);
    expect(await sidebarOf(reviewer).getByRole('button', { name: 'Record disposition' }).count()).toBe(0);
    await threadsOf(reviewer).getByRole('button', { name: 'History of dispositions' }).first().click();
    await sidebarOf(reviewer).getByTestId('disposition-history').first().waitFor(WAIT);
    expect(await sidebarOf(reviewer).getByTestId('disposition-history').first().innerText()).toMatch(
      /Not accepted — recorded by Ana Quispe/,
    );
    await shot(coordinator, '07-disposition');
  });
});
