import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, uniqueEmail, type NewUser } from '../helpers/api.js';
import { acceptInvitationTo } from '../helpers/members.js';
import { createDocument } from './helpers/createDocument.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-',
  fullPageShots: true,
  viewport: { width: 1280, height: 860 },
});
const { newPage, shot, signIn } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
/** The page's own heading (the document text has its title heading too). */
const pageHeading = (page: Page, name: string) =>
  page.locator('.doc-page__header').getByRole('heading', { name, exact: true, level: 1 });
/** The document's text as the reader sees it, without collaborators' caret labels. */
const textOf = (page: Page) =>
  editorOf(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return (copy.textContent ?? '').trim();
  });

async function typeAtEnd(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

describe('two people drafting one document in their browsers', () => {
  let documentPath = '';
  let bea: NewUser;
  let olu: NewUser;
  const ana = { name: 'Ana Quispe', email: uniqueEmail('ana'), password: PASSWORD };

  it('A registers, creates a document and invites B; both type and see each other', async () => {
    const pageA = await newPage();
    await pageA.goto(e2e.server.url);
    await pageA.waitForURL(/\/sign-in/);
    await pageA.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    await shot(pageA, '01-sign-in');

    await pageA.getByRole('link', { name: 'Create an account' }).click();
    await pageA.getByLabel('Full name').fill(ana.name);
    await pageA.getByLabel('Email address').fill(ana.email);
    await pageA.getByLabel('Password').fill(ana.password);
    await pageA.getByLabel('Organisation name').fill('Red de Paralegales Comunitarios');
    await pageA.getByLabel('Type of organisation').selectOption('civil_society');
    await pageA.getByLabel('Country').selectOption('GT');
    await shot(pageA, '02-register');
    await pageA.getByRole('button', { name: 'Create account' }).click();

    await pageA.getByRole('heading', { name: 'My documents', level: 1 }).waitFor();
    await pageA.getByRole('heading', { name: 'No documents yet' }).waitFor();
    await shot(pageA, '03-documents-empty');

    documentPath = await createDocument(pageA, {
      title: 'Regional agreement on access to justice',
      kind: 'agreement',
    });
    await pageHeading(pageA, 'Regional agreement on access to justice').waitFor();
    await expect.poll(() => pageA.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
    await shot(pageA, '03b-document-new');

    // the coordinator can rename it
    await pageA.getByRole('button', { name: /^Rename/ }).click();
    await pageA.getByLabel('Document title').fill('Regional agreement on access to justice (draft)');
    await pageA.getByRole('button', { name: 'Save title' }).click();
    await pageHeading(pageA, 'Regional agreement on access to justice (draft)').waitFor();
    await pageA.getByRole('button', { name: /^Rename/ }).click();
    await pageA.getByLabel('Document title').fill('Regional agreement on access to justice');
    await pageA.getByRole('button', { name: 'Save title' }).click();
    await pageHeading(pageA, 'Regional agreement on access to justice').waitFor();

    // B and an observer have accounts already (registered through the API)
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
    olu = await newUser(new ApiClient(e2e.server.url), { name: 'Olu Observer', password: PASSWORD });
    const members = pageA.getByTestId('members-panel');
    for (const [user, role] of [
      [bea, 'drafter'],
      [olu, 'observer'],
    ] as const) {
      await members.getByLabel('Email address').fill(user.email);
      await members.getByLabel('Role', { exact: true }).selectOption(role);
      await members.getByRole('button', { name: 'Invite' }).click();
      await members.getByText(`Invitation sent to ${user.email}`).waitFor();
      // they accept (invitations.test.ts in e2e goes through the invitee's interface)
      await acceptInvitationTo(user, documentPath.split('/').pop()!);
      await members.getByText(user.name, { exact: true }).waitFor();
    }
    await members.getByText(bea.email).waitFor();
    // roles can be changed in place
    await members.getByLabel('Role of Bea Mensah').selectOption('reviewer');
    await members.getByText('Bea Mensah is now Reviewer.').waitFor();
    await members.getByLabel('Role of Bea Mensah').selectOption('drafter');
    await members.getByText('Bea Mensah is now Drafter.').waitFor();

    const pageB = await newPage();
    await signIn(pageB, bea, documentPath);
    expect(new URL(pageB.url()).pathname).toBe(documentPath);
    await expect.poll(() => pageB.getByTestId('connection-status').innerText(), WAIT).toContain('Online');

    await typeAtEnd(pageA, 'Article 1. Everyone has the right to access justice.');
    await expect.poll(() => textOf(pageB), WAIT).toContain('Everyone has the right to access justice.');
    await typeAtEnd(pageB, ' Community paralegals help people use it.');
    await expect.poll(() => textOf(pageA), WAIT).toContain('Community paralegals help people use it.');

    // each sees the other's caret, labelled with the name the server gave them
    const caretLabels = (page: Page) => page.locator('.collaboration-carets__label').allInnerTexts();
    await expect.poll(() => caretLabels(pageA), WAIT).toContain('Bea Mensah');
    await expect.poll(() => caretLabels(pageB), WAIT).toContain('Ana Quispe');
    await expect.poll(() => pageA.getByTestId('presence-list').innerText(), WAIT).toContain('Bea Mensah');
    await expect.poll(() => pageB.getByTestId('presence-list').innerText(), WAIT).toContain('Ana Quispe');

    // saved means stored by the server
    await expect.poll(() => pageA.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
    await expect.poll(() => pageB.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
    await pageA.locator('.collaboration-carets__label').first().waitFor();
    await shot(pageA, '04-document-two-carets');
    await shot(pageB, '05-document-as-drafter');

    // both converge to the same text, with both contributions (the agreement template is around them)
    await expect.poll(async () => (await textOf(pageA)) === (await textOf(pageB)), WAIT).toBe(true);
    const expected = await textOf(pageA);
    expect(expected).toContain(
      'Article 1. Everyone has the right to access justice. Community paralegals help people use it.',
    );

    // reload keeps everything
    await pageA.reload();
    await expect.poll(() => textOf(pageA), WAIT).toBe(expected);
    await pageB.reload();
    await expect.poll(() => textOf(pageB), WAIT).toBe(expected);

    // and so does a browser that has no offline copy: the text comes from the server
    const pageA2 = await newPage();
    await signIn(pageA2, ana, documentPath);
    await expect.poll(() => textOf(pageA2), WAIT).toBe(expected);

    // the list shows the document with the user's role
    await pageA2.goto(e2e.server.url + '/');
    await pageA2.getByRole('link', { name: 'Regional agreement on access to justice' }).waitFor();
    await shot(pageA2, '06-documents-list');
  });

  it('an observer sees the text read-only', async () => {
    expect(documentPath).not.toBe('');
    const page = await newPage();
    await signIn(page, olu, documentPath);
    await page.getByTestId('readonly-note').waitFor();
    expect(await page.getByTestId('readonly-note').innerText()).toContain('Read only (Observer)');
    await expect.poll(() => textOf(page), WAIT).toContain('Everyone has the right to access justice.');
    expect(await editorOf(page).getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    // typing changes nothing
    const before = await textOf(page);
    await editorOf(page).click();
    await page.keyboard.type('graffiti');
    expect(await textOf(page)).toBe(before);
    await shot(page, '07-document-read-only');
  });

  it('edits made offline are not called saved, survive closing the tab, and reach the server later', async () => {
    expect(documentPath).not.toBe('');
    const page = await newPage();
    const context = page.context();
    await signIn(page, bea, documentPath);
    await expect.poll(() => page.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');

    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('connection-status').innerText(), WAIT).toContain('Offline');
    await typeAtEnd(page, ' Written offline.');
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Not saved');
    await shot(page, '08-offline-not-saved');
    // let the offline copy (IndexedDB) take the last keystrokes, then close the tab
    await page.waitForTimeout(500);
    await page.close();

    await context.setOffline(false);
    const reopened = await context.newPage();
    await reopened.goto(e2e.server.url + documentPath);
    await expect.poll(() => textOf(reopened), WAIT).toContain('Written offline.');
    await expect.poll(() => reopened.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');

    // the server has it: a browser without any offline copy sees it
    const other = await newPage();
    await signIn(other, ana, documentPath);
    await expect.poll(() => textOf(other), WAIT).toContain('Written offline.');
  });

  it('an article inserted from the toolbar is numbered live for everyone', async () => {
    const pageA = await newPage();
    await signIn(pageA, ana, documentPath);
    const pageB = await newPage();
    await signIn(pageB, bea, documentPath);
    const labels = (page: Page) =>
      page
        .locator('.ProseMirror section[data-type="article"]')
        .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-number-label')));
    const numbered = (count: number) => Array.from({ length: count }, (_, i) => `Article ${i + 1}`);
    // the agreement template's articles, numbered 1…n
    await expect.poll(async () => (await labels(pageB)).length, WAIT).toBeGreaterThan(1);
    const before = (await labels(pageB)).length;
    expect(await labels(pageB)).toEqual(numbered(before));

    // the cursor in the first article, then "+ Article": a new article 2, the rest renumbered
    await pageA.locator('.ProseMirror').getByText('The purpose of this Agreement is to').click();
    await pageA.getByRole('button', { name: 'Insert an article' }).click();
    await pageA.keyboard.type('Access to justice');
    await expect.poll(() => labels(pageB), WAIT).toEqual(numbered(before + 1));
    await expect.poll(() => textOf(pageB), WAIT).toContain('Access to justice');
    await expect.poll(() => pageA.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
    // Bea has other tabs open from earlier tests: she is listed once
    const presence = await pageB.getByTestId('presence-list').innerText();
    expect(presence.match(/Bea Mensah/g)).toHaveLength(1);
    await shot(pageB, '08b-article-inserted');
  });

  it('speaks Spanish and fits a phone screen', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, bea, documentPath);
    await page.getByLabel('Language').selectOption('es');
    await page.getByText('Volver a mis documentos').first().waitFor();
    await expect.poll(() => page.getByTestId('connection-status').innerText(), WAIT).toContain('En línea');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    // nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '09-document-phone-es');
    await page.getByRole('link', { name: 'Mis documentos' }).first().click();
    await page.getByRole('heading', { name: 'Mis documentos', level: 1 }).waitFor();
    await shot(page, '10-documents-phone-es');
  });

  it('creates an action plan in Spanish from its template', async () => {
    const page = await newPage();
    await signIn(page, ana);
    await page.getByLabel('Language', { exact: true }).selectOption('es');
    await page.getByLabel('Título', { exact: true }).fill('Plan de acción sobre paralegales comunitarios');
    await page.getByLabel('Tipo de documento').selectOption('action_plan');
    await page.getByLabel('Idioma del texto').selectOption('es');
    await page.getByRole('button', { name: 'Crear documento' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f]{24}$/);
    const labels = () =>
      page
        .locator('.ProseMirror [data-number-label]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-number-label')));
    await expect.poll(labels, WAIT).toContain('Objetivo 1');
    expect(await page.getByRole('button', { name: 'Insertar una acción' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Guardado');
    await shot(page, '10b-action-plan-es');
  });

  it('can be used with a keyboard, and every control has a name', async () => {
    const page = await newPage();
    await signIn(page, ana, documentPath);
    // after an in-app navigation the focus is on the new page's content already
    expect(await page.evaluate(() => document.activeElement?.closest('#main') !== null)).toBe(true);
    await page.reload();
    await editorOf(page).waitFor();
    // on a fresh load, the first Tab stop is the skip link, which takes the focus into the page's content
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // no unnamed form control or button anywhere on the document page
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
        .filter((control) => {
          const labelled =
            control.getAttribute('aria-label') ||
            control.getAttribute('aria-labelledby') ||
            ('labels' in control && (control as HTMLInputElement).labels?.length) ||
            (control.tagName === 'BUTTON' && control.textContent?.trim());
          return !labelled;
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  });

  it('explains why the server closed the connection: access removed, signed out elsewhere', async () => {
    const pageB = await newPage();
    await signIn(pageB, bea, documentPath);
    await expect.poll(() => pageB.getByTestId('connection-status').innerText(), WAIT).toContain('Online');

    // the coordinator removes B from the members panel
    const pageA = await newPage();
    await signIn(pageA, ana, documentPath);
    pageA.once('dialog', (dialog) => void dialog.accept());
    await pageA.getByRole('button', { name: 'Remove Bea Mensah from this document' }).click();
    await pageA.getByText('Bea Mensah was removed.').waitFor();
    await expect
      .poll(() => pageB.getByTestId('close-banner').innerText(), WAIT)
      .toContain('You no longer have access to this document.');
    await expect.poll(() => editorOf(pageB).getAttribute('contenteditable'), WAIT).toBe('false');
    await shot(pageB, '11-access-removed');

    // signing out in one tab signs the other tab's document out too
    const pageO = await newPage();
    await signIn(pageO, olu, documentPath);
    await expect.poll(() => pageO.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
    const otherTab = await pageO.context().newPage();
    await otherTab.goto(e2e.server.url + '/');
    await otherTab.getByRole('button', { name: 'Sign out' }).click();
    await pageO.waitForURL(/\/sign-in\?expired=1/, { timeout: 15_000 });
    await pageO.getByText('Your session has ended.').waitFor();
    await shot(pageO, '12-signed-out-elsewhere');
  });
});
