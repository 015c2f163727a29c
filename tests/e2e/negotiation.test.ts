import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importMarkdown } from '@accord/shared';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { agreementMarkdown, createDocumentWithMembers, freezeVersion } from '../helpers/documents.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { selectText } from './helpers/selectText.js';
import { addMember } from '../helpers/members.js';

// Issue 16 in the browser: the coordinator agrees a clause and the outline (the coordinator's and
// a reviewer's, live) says so; a reviewer records their organisation's reservation and the
// coordinator's positions matrix shows it. Then a sign-off round gates publishing.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'negotiation-',
  fullPageShots: false,
  viewport: { width: 1400, height: 1000 },
});
const { newPage, shot, signIn } = e2e;

const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
const panel = (page: Page) => page.getByTestId('negotiation-panel');

describe('clause negotiation in the browser', () => {
  let ana: NewUser;
  let rui: NewUser;
  let documentPath = '';
  let article1 = '';
  let article2 = '';

  beforeAll(async () => {
    const org = (name: string) => ({ name, kind: 'civil_society', country: 'BR' });
    ana = await newUser(new ApiClient(e2e.server.url), {
      name: 'Ana Quispe',
      password: PASSWORD,
      organisation: org('Secretaría Regional'),
    });
    rui = await newUser(new ApiClient(e2e.server.url), {
      name: 'Rui Santos',
      password: PASSWORD,
      organisation: org('Justiça Aberta'),
    });
    const documentId = await createDocumentWithMembers(
      ana,
      {
        title: 'Agreement on legal aid',
        kind: 'agreement',
        content: importMarkdown(agreementMarkdown('Agreement on legal aid', 3)).json,
      },
      [[rui, 'reviewer']],
    );
    documentPath = `/documents/${documentId}`;
    const outlineAnswer = await ana.api.request('GET', `/api/documents/${documentId}/outline`);
    [article1, article2] = outlineAnswer.body.clauses
      .filter((c: { kind: string }) => c.kind === 'article')
      .map((c: { clauseId: string }) => c.clauseId);
  });

  it('shows the clause as agreed in the outline once the coordinator sets it, and a reservation in the matrix', async () => {
    const pageA = await newPage();
    await signIn(pageA, ana, documentPath);
    const pageR = await newPage();
    await signIn(pageR, rui, documentPath);

    await expect
      .poll(() => outline(pageA).getByTestId('negotiation-totals').innerText(), WAIT)
      .toContain('0 of 3 articles agreed');

    // the coordinator agrees Article 1, with a note
    await panel(pageA).getByLabel('Clause').selectOption(article1);
    await panel(pageA).getByLabel('Set the status').selectOption('agreed');
    await panel(pageA).getByLabel('Note for the record (optional)').fill('Agreed at the second session');
    await panel(pageA).getByRole('button', { name: 'Set status' }).click();

    const agreedEntry = (page: Page) =>
      outline(page).locator(`[data-clause-id="${article1}"] > .outline__row [data-testid="clause-status"]`);
    for (const page of [pageA, pageR]) {
      await expect.poll(() => agreedEntry(page).innerText(), WAIT).toContain('Agreed');
      await expect
        .poll(() => outline(page).getByTestId('negotiation-totals').innerText(), WAIT)
        .toContain('1 of 3 articles agreed');
      // and in the editor's margin, in words
      await expect
        .poll(() => page.locator('[data-testid="margin-status"][data-status="agreed"]').innerText(), WAIT)
        .toContain('Agreed');
    }
    // the filter leaves only the clauses not agreed
    await outline(pageR).getByLabel('Only clauses not agreed').check();
    await expect
      .poll(() => outline(pageR).locator(`[data-clause-id="${article1}"]`).isVisible(), WAIT)
      .toBe(false);
    await expect
      .poll(() => outline(pageR).locator('[role="treeitem"][data-kind="article"]:visible').count(), WAIT)
      .toBe(2);
    await shot(pageA, 'agreed');

    // the reviewer records their organisation's reservation on Article 1
    await panel(pageR).getByLabel('Clause').selectOption(article1);
    await panel(pageR).getByRole('radio', { name: 'Reservation' }).check();
    await panel(pageR).getByLabel('Note (required: say why)').fill('Needs a budget line');
    await panel(pageR).getByRole('button', { name: 'Record position' }).click();
    await expect
      .poll(() => panel(pageR).getByTestId('own-position').innerText(), WAIT)
      .toContain('Reservation');

    // the coordinator's matrix shows it, live, with the note and the tally
    await panel(pageA).getByRole('button', { name: 'Positions of all organisations' }).click();
    const matrix = pageA.getByRole('dialog', { name: 'Positions by clause and organisation' });
    await expect.poll(() => matrix.isVisible(), WAIT).toBe(true);
    const row = matrix.locator(`tr[data-clause-id="${article1}"]`);
    await expect.poll(() => row.innerText(), WAIT).toContain('Reservation');
    expect(await row.innerText()).toContain('Needs a budget line');
    expect(await row.getByTestId('positions-tally').innerText()).toBe(
      '0 support · 1 reservation · 0 objection',
    );
    const header = await matrix.locator('thead').innerText();
    expect(header).toContain('Justiça Aberta');
    await shot(pageA, 'matrix');
    await pageA.keyboard.press('Escape');
    await expect.poll(() => matrix.isVisible(), WAIT).toBe(false);

    // the coordinator brackets disputed wording as Option A; the reviewer's editor shows it, live
    await selectText(pageA, 'thing 2', { focus: true });
    // the panel follows the clause the cursor is in
    await expect.poll(() => panel(pageA).getByLabel('Clause').inputValue(), WAIT).toBe(article2);
    await panel(pageA).getByLabel('Alternative label (optional)').fill('Option A');
    await panel(pageA).getByRole('button', { name: 'Bracket the selected text' }).click();
    const bracketedR = pageR.locator('.ProseMirror .bracketed[data-option="Option A"]');
    await expect.poll(() => bracketedR.innerText(), WAIT).toBe('thing 2');
    await bracketedR.scrollIntoViewIfNeeded();
    await shot(pageR, 'bracketed');
  });

  it('gates publishing on the sign-off round, whose progress updates live', async () => {
    const documentId = documentPath.split('/').pop()!;
    await freezeVersion(ana, documentId, 'Final draft');
    const pageA = await newPage();
    await signIn(pageA, ana, `${documentPath}?view=versions`);
    const versionA = pageA.getByTestId('version-1');
    await versionA.getByRole('button', { name: 'Start sign-off' }).click();
    // every member organisation is proposed; the secretariat itself need not endorse
    await versionA.getByRole('checkbox', { name: 'Secretaría Regional (BR)' }).uncheck();
    await versionA.getByRole('button', { name: 'Start sign-off' }).click();
    const progressA = versionA.getByTestId('signoff-progress');
    await expect.poll(() => progressA.innerText(), WAIT).toContain('0 of 1 organisation endorsed');

    // publishing is refused while Justiça Aberta has not endorsed; the form asks for a reason
    await versionA.getByRole('button', { name: 'Publish…' }).click();
    await versionA.getByRole('button', { name: 'Publish as 1.0' }).click();
    await expect
      .poll(() => versionA.getByRole('alert').innerText(), WAIT)
      .toContain('Some organisations have not endorsed this version yet');
    await expect
      .poll(() => versionA.getByLabel(/Reason to publish without every endorsement/).isVisible(), WAIT)
      .toBe(true);

    const pageR = await newPage();
    await signIn(pageR, rui, `${documentPath}?view=versions`);
    const versionR = pageR.getByTestId('version-1');
    await versionR.getByRole('radio', { name: 'Endorse' }).check();
    await versionR.getByRole('button', { name: 'Send decision' }).click();
    await expect.poll(() => progressA.innerText(), WAIT).toContain('1 of 1 organisation endorsed');
    expect(await versionA.getByTestId('signoff-1').innerText()).toContain('Endorsed');
    await shot(pageA, 'signoff');
  });

  it('keeps the column of an organisation that has left, marked as such', async () => {
    const documentId = documentPath.split('/').pop()!;
    const lea = await newUser(new ApiClient(e2e.server.url), {
      name: 'Lea Mwangi',
      organisation: { name: 'Red de Paralegales', kind: 'civil_society', country: 'KE' },
    });
    await addMember(ana.api, documentId, lea, 'reviewer');
    const recorded = await lea.api.request('POST', `/api/documents/${documentId}/positions`, {
      clauseId: article2,
      stance: 'objection',
      note: 'Out of mandate',
    });
    expect(recorded.status).toBe(201);
    expect(
      (await ana.api.request('DELETE', `/api/documents/${documentId}/members/${lea.id}`)).status,
    ).toBeLessThan(300);

    const pageA = await newPage();
    await signIn(pageA, ana, documentPath);
    await panel(pageA).getByRole('button', { name: 'Positions of all organisations' }).click();
    const matrix = pageA.getByRole('dialog', { name: 'Positions by clause and organisation' });
    await expect.poll(() => matrix.locator('thead').innerText(), WAIT).toContain('Red de Paralegales (left)');
    const row = matrix.locator(`tr[data-clause-id="${article2}"]`);
    expect(await row.innerText()).toContain('Out of mandate');
    expect(await row.getByTestId('positions-tally').innerText()).toBe(
      '0 support · 0 reservation · 1 objection',
    );
  });
});
