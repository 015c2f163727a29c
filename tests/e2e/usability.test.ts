import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose from 'mongoose';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { selectText } from './helpers/selectText.js';
import { addMember } from '../helpers/members.js';

// Issue 12, bugs 10–13: what a new user hits on "My documents", in the editor, when printing and
// when registering or signing in.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-usability-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');

/** Signs in and waits for the document's text. */
async function signIn(page: Page, user: { email: string; password: string }, documentPath: string) {
  await e2e.signIn(page, user, documentPath, (url) => url.pathname === documentPath);
  await editorOf(page).getByText('This Agreement shall enter into force').waitFor(WAIT);
}

async function typeAtEnd(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

describe('issue 12: usability of the document page and the account forms', () => {
  let db: mongoose.Connection;
  let ana: NewUser;
  let bea: NewUser;
  let documentId = '';
  let documentPath = '';

  beforeAll(async () => {
    db = await mongoose.createConnection(`${inject('mongodbUri')}${e2e.server.dbName}`).asPromise();
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Agreement on access to justice',
      kind: 'agreement',
    });
    expect(created.status).toBe(201);
    documentId = created.body.document.id;
    documentPath = `/documents/${documentId}`;
    await addMember(ana.api, documentId, bea, 'drafter');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('10. "Last changed" on My documents follows text edits', async () => {
    // as if the document had last been changed long ago
    await db
      .collection('documents')
      .updateOne(
        { _id: new mongoose.Types.ObjectId(documentId) },
        { $set: { updatedAt: new Date('2020-01-01T00:00:00Z') } },
      );
    const page = await newPage();
    await e2e.signIn(page, bea, '/');
    const lastChanged = page
      .locator('.document-list__item', { hasText: 'Agreement on access to justice' })
      .locator('time');
    await expect.poll(() => lastChanged.getAttribute('datetime'), WAIT).toMatch(/^2020-/);

    const before = Date.now();
    await page.goto(e2e.server.url + documentPath);
    await editorOf(page).getByText('This Agreement shall enter into force').waitFor(WAIT);
    await typeAtEnd(page, ' Edited today.');
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');

    await expect
      .poll(async () => {
        await page.goto(e2e.server.url + '/');
        await lastChanged.waitFor(WAIT);
        return Date.parse((await lastChanged.getAttribute('datetime')) ?? '');
      }, WAIT)
      .toBeGreaterThanOrEqual(before - 2_000);
  });

  it('11. the screen-reader status says "Saved" again after reconnecting', async () => {
    const page = await newPage();
    await signIn(page, bea, documentPath);
    const chip = page.getByTestId('save-indicator');
    const announced = page.locator(
      '.doc-page__status [role="status"][aria-live="polite"]:not([data-testid])',
    );
    await expect.poll(() => chip.innerText(), WAIT).toContain('Saved');

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('connection-status').innerText(), WAIT).toContain('Offline');
    await typeAtEnd(page, ' Written offline.');
    await expect.poll(() => chip.innerText(), WAIT).toContain('Not saved');
    await expect.poll(() => announced.innerText(), WAIT).toContain('Not saved — offline');

    await page.context().setOffline(false);
    await expect.poll(() => chip.innerText(), WAIT).toContain('Saved');
    await expect.poll(() => announced.innerText(), WAIT).toBe('Saved — your offline changes were sent');
  });

  it('12. printing prints the document only: title, numbering and text', async () => {
    const coordinator = await newPage();
    const drafter = await newPage();
    await signIn(coordinator, ana, documentPath);
    await signIn(drafter, bea, documentPath);
    // the drafter's caret, with her name, shows in the coordinator's text
    await editorOf(drafter).getByText('This Agreement shall enter into force').click();
    const caret = coordinator.locator('.collaboration-carets__label');
    await caret.first().waitFor(WAIT);
    // an open comment: a thread in the sidebar and a badge in the outline
    await selectText(coordinator, 'shall enter into force', { focus: true });
    await coordinator.keyboard.press('Alt+Control+M');
    const composer = coordinator.getByTestId('new-thread');
    await composer.getByRole('combobox', { name: 'Your comment' }).fill('When exactly?');
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await coordinator.getByTestId('comment-thread').first().waitFor(WAIT);

    const parts = {
      header: coordinator.locator('.app-header'),
      pageHeader: coordinator.locator('.doc-page__header'),
      outline: coordinator.getByTestId('outline'),
      toolbar: coordinator.getByRole('toolbar').first(),
      comments: coordinator.getByTestId('comments-sidebar'),
      commentsToggle: coordinator.locator('.comments-toggle'),
      members: coordinator.getByTestId('members-panel'),
      invite: coordinator.locator('.invite-form'),
      caretLabel: caret.first(),
      commentButton: coordinator.locator('.comment-add-button'),
    };
    for (const [name, locator] of Object.entries(parts)) {
      // the toggle shows on narrow screens only, the floating button beside the caret's clause
      if (name === 'commentsToggle' || name === 'commentButton') continue;
      expect({ name, visible: await locator.isVisible() }).toEqual({ name, visible: true });
    }

    await coordinator.emulateMedia({ media: 'print' });
    await shot(coordinator, 'print', true);
    for (const [name, locator] of Object.entries(parts)) {
      expect({ name, visible: await locator.isVisible() }).toEqual({ name, visible: false });
    }
    // the document itself prints: its title, numbered clauses and text
    expect(await editorOf(coordinator).locator('h1[data-type="title"]').isVisible()).toBe(true);
    expect(await editorOf(coordinator).getByText('This Agreement shall enter into force').isVisible()).toBe(
      true,
    );
    expect(await editorOf(coordinator).innerText()).toContain('Agreement on access to justice');
    // clause numbers are drawn from data-number-label before each clause
    const numbers = await coordinator.evaluate(() =>
      [...document.querySelectorAll('.ProseMirror section[data-number-label]')].map((clause) => {
        const before = getComputedStyle(clause, '::before');
        const shown = before.display !== 'none' && before.content !== 'none';
        return shown ? clause.getAttribute('data-number-label') : '';
      }),
    );
    expect(numbers.join(' ')).toMatch(/Article 1/);
    await coordinator.emulateMedia({ media: 'screen' });
  });

  it('13. the outline counts open comments with an icon that ships with the app, not an emoji', async () => {
    const page = await newPage();
    await signIn(page, ana, documentPath);
    const badge = page.locator('.outline__comments').first();
    await badge.waitFor(WAIT);
    expect(await badge.innerText()).not.toContain('💬');
    expect(await badge.locator('svg').count()).toBe(1);
  });

  it('13. registering: "already exists" goes when the email changes; a blank name is named', async () => {
    const page = await newPage();
    await page.goto(e2e.server.url + '/register');
    await page.getByLabel('Full name').fill('Carla Mendes');
    await page.getByLabel('Email address').fill(ana.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.locator('.auth-card [role="alert"], .auth-card .alert');
    await expect.poll(() => alert.first().innerText(), WAIT).toContain('already exists');
    await page.getByLabel('Email address').fill(uniqueEmail('carla'));
    await expect.poll(() => alert.count(), WAIT).toBe(0);

    // a name of spaces passes the browser's check but is blank: the name field says so, under it
    const name = page.getByLabel('Full name');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid'), WAIT).toBe('true');
    const described = await name.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(described).toContain('Fill in this field.');
    expect(page.url()).toContain('/register');
  });

  it('13. the sign-in lockout says how long to wait, from the Retry-After the server sends', async () => {
    const page = await newPage();
    await page.goto(e2e.server.url + '/sign-in');
    const alert = page.locator('.auth-card [role="alert"], .auth-card .alert');
    let message = '';
    for (let attempt = 0; attempt < 15 && !/many attempts/i.test(message); attempt++) {
      await page.getByLabel('Email address').fill(bea.email);
      await page.getByLabel('Password').fill('wrong password ' + attempt);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => alert.count(), WAIT).toBeGreaterThan(0);
      await page.waitForTimeout(100);
      message = await alert.first().innerText();
    }
    expect(message).toMatch(/many attempts/i);
    expect(message).not.toMatch(/a minute/);
    expect(message).toMatch(/15 minutes/);
  });
});
