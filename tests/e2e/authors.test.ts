import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { createDocument } from './helpers/createDocument.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

// Issue 13, item 1 in the browser: a reader asks the outline who wrote a clause.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'authors-',
  fullPageShots: false,
  viewport: { width: 390, height: 844 },
});
const { newPage, shot, signIn } = e2e;

describe('the authors of a clause', () => {
  let ana: NewUser;
  let olga: NewUser;

  beforeAll(async () => {
    const org = (name: string) => ({ name, kind: 'civil_society', country: 'PE' });
    ana = await newUser(new ApiClient(e2e.server.url), {
      name: 'Ana Quispe',
      password: PASSWORD,
      organisation: org('Justicia Abierta'),
    });
    olga = await newUser(new ApiClient(e2e.server.url), { name: 'Olga Observer', password: PASSWORD });
  });

  it('shows an observer, from the keyboard, who wrote each passage with their organisation', async () => {
    const pageA = await newPage();
    await signIn(pageA, ana);
    const documentPath = await createDocument(pageA, {
      title: 'Agreement on legal aid',
      kind: 'agreement',
      fromTemplate: true,
    });
    const documentId = documentPath.split('/').pop()!;
    await addMember(ana.api, documentId, olga, 'observer');

    const page = await newPage();
    await signIn(page, olga, documentPath);
    // on a phone the outline is a sheet, opened from the bottom bar
    await page
      .getByRole('navigation', { name: 'Document panels' })
      .getByRole('button', { name: 'Outline' })
      .click();
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await outline
      .getByRole('treeitem', { name: 'Article 1 Purpose', exact: true })
      .locator('> .outline__row')
      .click();
    // going to the clause closed the sheet; the entry stays selected, with its buttons
    await page
      .getByRole('navigation', { name: 'Document panels' })
      .getByRole('button', { name: 'Outline' })
      .click();
    const button = outline.getByRole('button', { name: 'Who wrote Article 1 — Purpose' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Who wrote Article 1 — Purpose' });
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);
    await expect
      .poll(() => dialog.getByText('written by Ana Quispe · Justicia Abierta').count(), WAIT)
      .toBeGreaterThan(0);
    await shot(page, 'dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(false);
  });
});
