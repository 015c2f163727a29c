import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { addMember } from '../helpers/members.js';

// Issue 12, bugs 1, 2, 4, 5 and 6: panels that cover each other, the caret after a click into a
// commented clause, moving articles from the toolbar and the outline, deleting clauses.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-editor-usability-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
const outlineEntry = (page: Page, name: string) => outline(page).getByRole('treeitem', { name, exact: true });

/** "Article 3 — Heading" for every article of the text, as the editor numbers them. */
const articles = (page: Page) =>
  page.locator('.ProseMirror section[data-type="article"]').evaluateAll((sections) =>
    sections.map((section) => {
      const h3 = section.querySelector(':scope > h3[data-type="clause-heading"]');
      const copy = h3?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return `${section.getAttribute('data-number-label')} — ${copy?.textContent ?? ''}`;
    }),
  );

const TEMPLATE_ARTICLES = [
  'Article 1 — Purpose',
  'Article 2 — Definitions',
  'Article 3 — Obligations',
  'Article 4 — Entry into force',
  'Article 5 — Depositary',
];

/** Signs in and waits for the document's text. */
async function openDocument(page: Page, user: NewUser, documentPath: string) {
  await e2e.signIn(
    page,
    { email: user.email, password: PASSWORD },
    documentPath,
    (url) => url.pathname === documentPath,
  );
  await editorOf(page).getByText('This Agreement shall enter into force').waitFor(WAIT);
}

describe('issue 12: the editor, the outline and the panels beside the text', () => {
  let ana: NewUser;
  let bea: NewUser;

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
  });

  /** A fresh agreement from the template, coordinated by Ana, with Bea as drafter. */
  async function newAgreement(title: string) {
    const created = await ana.api.request('POST', '/api/documents', { title, kind: 'agreement' });
    expect(created.status).toBe(201);
    const documentId = created.body.document.id as string;
    await addMember(ana.api, documentId, bea, 'drafter');
    const outlineRes = await ana.api.request('GET', `/api/documents/${documentId}/outline`);
    const clauses = outlineRes.body.clauses as Array<{ clauseId: string; kind: string; heading: string }>;
    const articleId = (heading: string) =>
      clauses.find((clause) => clause.kind === 'article' && clause.heading === heading)!.clauseId;
    const commentOn = async (clauseId: string, body: string) => {
      const res = await ana.api.request('POST', `/api/documents/${documentId}/comments`, {
        anchor: { kind: 'clause', clauseId },
        body,
      });
      expect(res.status).toBe(201);
    };
    return { documentId, path: `/documents/${documentId}`, articleId, commentOn };
  }

  it('1. the Comments panel never covers the presence list or the Members panel', async () => {
    const doc = await newAgreement('Agreement with four threads');
    for (const heading of ['Purpose', 'Definitions', 'Obligations', 'Depositary'])
      await doc.commentOn(doc.articleId(heading), `A long remark about ${heading}. `.repeat(6));

    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 1600, height: 700 },
      { width: 1000, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const page = await newPage(viewport);
      await openDocument(page, ana, doc.path);
      await expect.poll(() => page.getByTestId('comment-thread').count(), WAIT).toBe(4);
      // on a phone the members are a sheet over the text, opened from the bottom bar
      if (viewport.width < 640)
        await page
          .getByRole('navigation', { name: 'Document panels' })
          .getByRole('button', { name: 'Members' })
          .click();
      const invite = page.getByRole('button', { name: 'Invite', exact: true });
      await invite.waitFor(WAIT);
      // at every scroll position where the Invite button is in view, it is what a click hits
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y <= height; y += Math.round(viewport.height / 3)) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await page.waitForTimeout(50);
        const hit = await invite.evaluate((button) => {
          const box = button.getBoundingClientRect();
          if (box.top < 0 || box.bottom > window.innerHeight) return 'out of view';
          const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return at === button || button.contains(at) ? 'button' : (at?.className ?? 'nothing');
        });
        if (hit === 'out of view') continue;
        if (hit !== 'button') await shot(page, `01-covered-${viewport.width}`);
        expect({ viewport, y, hit }).toEqual({ viewport, y, hit: 'button' });
      }
      // and the presence list's heading is not under the comments either
      const presence = page.getByTestId('presence-list').locator('xpath=..').locator('h2');
      await presence.scrollIntoViewIfNeeded();
      const presenceHit = await presence.evaluate((heading) => {
        const box = heading.getBoundingClientRect();
        const at = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return at && heading.contains(at) ? 'heading' : (at?.className ?? 'nothing');
      });
      expect({ viewport, presenceHit }).toEqual({ viewport, presenceHit: 'heading' });
      await invite.click({ timeout: 5_000 });
      await page.close();
    }
  });

  it('2. the first click into a clause with a whole-clause comment puts the caret where it was clicked', async () => {
    const doc = await newAgreement('Agreement with a clause comment');
    await doc.commentOn(doc.articleId('Obligations'), 'Which obligations exactly?');
    const page = await newPage({ width: 1280, height: 700 });
    await openDocument(page, bea, doc.path);
    await editorOf(page).locator('.comment-clause').first().waitFor(WAIT);
    const target = editorOf(page).getByText('Each Party shall report on');
    // scroll with the wheel, then click into the clause
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(300);
    await target.click();
    await page.keyboard.type('ZQ');
    await expect.poll(() => target.innerText(), WAIT).toContain('ZQ');
    expect(await editorOf(page).locator('h1[data-type="title"]').innerText()).not.toContain('ZQ');
  });

  it('4. "Move the article down" in the toolbar works for an article that can also move up', async () => {
    const doc = await newAgreement('Agreement to reorder from the toolbar');
    const page = await newPage();
    const other = await newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await openDocument(page, bea, doc.path);
    await openDocument(other, ana, doc.path);
    // Bea's caret in Article 4, which could go up (into chapter II) or down; Ana types in the
    // same paragraph
    const paragraph = 'This Agreement shall enter into force';
    await editorOf(page).getByText(paragraph).click();
    await editorOf(other).getByText(paragraph).click();
    await other.keyboard.press('End');
    await other.keyboard.type(' and on the means used', { delay: 30 });
    await page.keyboard.type(' yearly', { delay: 30 });
    const down = page.getByRole('button', { name: 'Move the article down' });
    const up = page.getByRole('button', { name: 'Move the article up' });
    await expect.poll(() => up.isEnabled(), WAIT).toBe(true);
    await expect.poll(() => down.isEnabled(), WAIT).toBe(true);
    await down.click();
    const moved = [
      'Article 1 — Purpose',
      'Article 2 — Definitions',
      'Article 3 — Obligations',
      'Article 4 — Depositary',
      'Article 5 — Entry into force',
    ];
    await expect.poll(() => articles(other), WAIT).toEqual(moved);
    // the last article cannot go further down, but up
    await expect.poll(() => down.isEnabled(), WAIT).toBe(false);
    await expect.poll(() => up.isEnabled(), WAIT).toBe(true);
    expect(errors.filter((text) => /RangeError|out of range/.test(text))).toEqual([]);
  });

  it('5. a mouse user selects an outline entry and moves it; the help says what works', async () => {
    const doc = await newAgreement('Agreement to reorder from the outline');
    const page = await newPage();
    await openDocument(page, bea, doc.path);
    const help = outline(page).locator('.outline__help');
    const helpText = await help.innerText();
    expect(helpText).not.toMatch(/select an entry and press/i);
    expect(helpText).toMatch(/Alt\+Shift\+↑/);

    // clicking an entry goes there in the text, and offers its move buttons right on it
    await outlineEntry(page, 'Article 2 Definitions').click();
    const entry = outlineEntry(page, 'Article 2 Definitions');
    await entry.getByRole('button', { name: 'Move up' }).click();
    await expect
      .poll(() => articles(page), WAIT)
      .toEqual([
        'Article 1 — Definitions',
        'Article 2 — Purpose',
        'Article 3 — Obligations',
        'Article 4 — Entry into force',
        'Article 5 — Depositary',
      ]);
    await expect
      .poll(() => page.getByTestId('outline-announcement').innerText(), WAIT)
      .toBe('Moved. It is now Article 1 — Definitions.');
    // the entry keeps its buttons and the focus: Alt+↓ puts it back
    await outlineEntry(page, 'Article 1 Definitions')
      .getByRole('button', { name: 'Move down' })
      .waitFor(WAIT);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => articles(page), WAIT).toEqual(TEMPLATE_ARTICLES);
    // Alt+Shift+↑ in the text, as the help says, moves the article the caret is in
    await editorOf(page).getByText('For the purposes of this Agreement').click();
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await expect.poll(() => articles(page), WAIT).toContain('Article 1 — Definitions');
    await shot(page, '05-outline-moves');
  });

  it('6. a clause is deleted from the toolbar, the outline or the keyboard, after confirming', async () => {
    const doc = await newAgreement('Agreement to delete from');
    await doc.commentOn(doc.articleId('Definitions'), 'Do we need this?');
    const page = await newPage();
    await openDocument(page, bea, doc.path);
    const dialog = page.getByRole('alertdialog');

    // toolbar: the article with text asks first; Cancel keeps it
    await editorOf(page).getByText('The depositary of this Agreement').click();
    await page.getByRole('button', { name: 'Delete this clause' }).click();
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toContain('Article 5');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count(), WAIT).toBe(0);
    expect(await articles(page)).toEqual(TEMPLATE_ARTICLES);
    // the keyboard shortcut asks the same; Delete removes it
    await editorOf(page).getByText('The depositary of this Agreement').click();
    await page.keyboard.press('Control+Shift+Backspace');
    await dialog.waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => articles(page), WAIT).toEqual(TEMPLATE_ARTICLES.slice(0, 4));

    // outline: the selected entry's delete button; the dialog names its comment
    await outlineEntry(page, 'Article 2 Definitions').click();
    await outlineEntry(page, 'Article 2 Definitions')
      .getByRole('button', { name: 'Delete Article 2 — Definitions' })
      .click();
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toMatch(/1 comment/);
    await shot(page, '06-confirm-delete');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect
      .poll(() => articles(page), WAIT)
      .toEqual(['Article 1 — Purpose', 'Article 2 — Obligations', 'Article 3 — Entry into force']);
    // Undo brings it back, as the dialog says; Redo deletes it again
    await page.keyboard.press('Control+z');
    await expect.poll(() => articles(page), WAIT).toContain('Article 2 — Definitions');
    await page.keyboard.press('Control+Shift+z');
    await expect
      .poll(() => articles(page), WAIT)
      .toEqual(['Article 1 — Purpose', 'Article 2 — Obligations', 'Article 3 — Entry into force']);

    // a new, empty article goes with Backspace, without a question
    await editorOf(page).getByText('Each Party shall report on').click();
    await page.getByRole('button', { name: 'Insert an article' }).click();
    await page.keyboard.type('X');
    await expect.poll(() => articles(page), WAIT).toContain('Article 3 — X');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect
      .poll(() => articles(page), WAIT)
      .toEqual(['Article 1 — Purpose', 'Article 2 — Obligations', 'Article 3 — Entry into force']);
    expect(await dialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
  });

  it('13. the floating "Comment" button never covers the toolbar ("+ Annex")', async () => {
    const doc = await newAgreement('Agreement with a comment button');
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await newPage(viewport);
      await openDocument(page, bea, doc.path);
      await editorOf(page).getByText('The purpose of this Agreement is to').click();
      const commentButton = page.getByTestId('comment-add-button');
      await commentButton.waitFor(WAIT);
      const annex = page.getByRole('button', { name: 'Insert an annex' });
      // scroll the caret's line up under the sticky toolbar, a few pixels at a time
      const start = await page.evaluate(() => window.scrollY);
      for (let dy = 0; dy <= 1200; dy += 20) {
        await page.evaluate((top) => window.scrollTo(0, top), start + dy);
        await page.waitForTimeout(30);
        // its left edge, middle and right edge are all the button's
        const hit = await annex.evaluate((button) => {
          const box = button.getBoundingClientRect();
          if (box.top < 0 || box.bottom > window.innerHeight) return 'out of view';
          for (const x of [box.left + 2, box.left + box.width / 2, box.right - 2]) {
            const at = document.elementFromPoint(x, box.top + box.height / 2);
            if (at !== button && !button.contains(at)) return at?.className ?? 'nothing';
          }
          return 'button';
        });
        if (hit === 'out of view') continue;
        expect({ viewport, dy, hit }).toEqual({ viewport, dy, hit: 'button' });
      }
      await page.close();
    }
  });
});
