import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { addMember } from '../helpers/members.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { selectText } from './helpers/selectText.js';

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-amendments-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

async function signIn(
  page: Page,
  user: { email: string; password: string },
  documentPath: string,
  text = 'Each Party shall report on',
) {
  await e2e.signIn(page, user, documentPath, (url) => url.pathname === documentPath);
  await page.locator('.ProseMirror').getByText(text).first().waitFor(WAIT);
}

const panelOf = (page: Page) => page.getByTestId('amendments-panel');

describe('amendments in the browser', () => {
  let documentPath = '';
  let coordinator: NewUser;
  let reviewer: NewUser;
  let drafter: NewUser;

  beforeAll(async () => {
    const user = (name: string, organisation: string, country: string) =>
      newUser(new ApiClient(e2e.server.url), {
        name,
        password: PASSWORD,
        organisation: { name: organisation, kind: 'civil_society', country },
      });
    coordinator = await user('Ana Coordinator', 'Red de Paralegales', 'GT');
    reviewer = await user('Rui Reviewer', 'Universidade de Lisboa', 'PT');
    drafter = await user('Bea Drafter', 'Red de Paralegales', 'GT');
    const created = await coordinator.api.request('POST', '/api/documents', {
      title: 'Regional agreement on access to justice',
      kind: 'agreement',
    });
    expect(created.status).toBe(201);
    documentPath = `/documents/${created.body.document.id}`;
    await addMember(coordinator.api, created.body.document.id, reviewer, 'reviewer');
    await addMember(coordinator.api, created.body.document.id, drafter, 'drafter');
  });

  it('a reviewer tables an amendment from a selection; the coordinator sees the diff and accepts; the drafter sees the text live', async () => {
    const reviewerPage = await newPage();
    const coordinatorPage = await newPage();
    const drafterPage = await newPage();
    await signIn(reviewerPage, reviewer, documentPath);
    await signIn(coordinatorPage, coordinator, documentPath);
    await signIn(drafterPage, drafter, documentPath);

    // the reviewer selects a passage and proposes new wording for its clause
    await selectText(reviewerPage, 'shall report on', { focus: true });
    const toggle = panelOf(reviewerPage).getByTestId('amendments-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await panelOf(reviewerPage).getByRole('button', { name: 'Propose an amendment to this clause' }).click();
    const form = reviewerPage.getByTestId('amendment-form');
    await form.waitFor(WAIT);
    expect(await form.innerText()).toContain('shall report on');
    const text = form.getByRole('textbox', { name: 'Proposed text' });
    expect(await text.inputValue()).toBe('Each Party shall report on …');
    await text.fill('Each Party shall report annually on …');
    await form.getByRole('textbox', { name: 'Justification (required)' }).fill('Reports need a rhythm.');
    await form.getByRole('button', { name: 'Table the amendment' }).click();
    await form.waitFor({ state: 'detached', ...WAIT });
    await panelOf(reviewerPage).getByTestId('amendment').first().waitFor(WAIT);

    // the coordinator sees a marker on the clause appear live; it opens the amendments of that clause
    const marker = coordinatorPage.locator('.ProseMirror').getByTestId('amendments-marker').first();
    await marker.waitFor(WAIT);
    expect(await marker.getAttribute('aria-label')).toBe('1 open amendment');
    await marker.click();
    // the amendment as a word diff against the current text, and accept it
    const card = panelOf(coordinatorPage).getByTestId('amendment').first();
    await card.waitFor(WAIT);
    await expect
      .poll(() => card.getByTestId('amendment-diff').locator('ins').allInnerTexts(), WAIT)
      .toEqual(['annually ']);
    expect(await card.innerText()).toContain('Reports need a rhythm.');
    expect(await card.innerText()).toContain('Universidade de Lisboa');
    await shot(coordinatorPage, 'coordinator-sees-diff');
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => card.getByTestId('amendment-state').innerText(), WAIT).toBe('Accepted');

    // the drafter's editor shows the new wording without reloading
    await drafterPage.locator('.ProseMirror').getByText('Each Party shall report annually on').waitFor(WAIT);
    await shot(drafterPage, 'drafter-sees-text');
  });

  it('a reviewer proposes a sub-clause inside the clause (a level down); accepted, it appears inside it', async () => {
    const reviewerPage = await newPage();
    const coordinatorPage = await newPage();
    await signIn(reviewerPage, reviewer, documentPath, 'shall report annually on');
    await signIn(coordinatorPage, coordinator, documentPath, 'shall report annually on');

    await selectText(reviewerPage, 'shall report annually on', { focus: true });
    await panelOf(reviewerPage).getByTestId('amendments-toggle').click();
    await panelOf(reviewerPage).getByRole('button', { name: 'Propose an amendment to this clause' }).click();
    const form = reviewerPage.getByTestId('amendment-form');
    await form.waitFor(WAIT);
    await form.getByRole('combobox', { name: 'Kind of amendment' }).selectOption('insertInside');
    await form.getByRole('textbox', { name: 'Proposed text' }).fill('the measures taken for paralegals;');
    await form.getByRole('textbox', { name: 'Justification (required)' }).fill('Paralegals count.');
    await form.getByRole('button', { name: 'Table the amendment' }).click();
    await form.waitFor({ state: 'detached', ...WAIT });

    await panelOf(coordinatorPage).getByTestId('amendments-toggle').click();
    const card = panelOf(coordinatorPage).getByTestId('amendment').filter({ hasText: 'Paralegals count.' });
    await card.waitFor(WAIT);
    expect(await card.innerText()).toContain('New sub-clause in');
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => card.getByTestId('amendment-state').innerText(), WAIT).toBe('Accepted');
    // the new point sits inside the numbered paragraph, in the reviewer's editor too
    await reviewerPage
      .locator('.ProseMirror [data-type="numbered-paragraph"] [data-type="point"]')
      .filter({ hasText: 'the measures taken for paralegals;' })
      .waitFor(WAIT);
    await shot(reviewerPage, 'sub-clause-inserted');
  });

  it('in an action plan, a proposal changes an action’s fields; accepted, the action shows them', async () => {
    const created = await coordinator.api.request('POST', '/api/documents', {
      title: 'Paralegal action plan',
      kind: 'action_plan',
    });
    expect(created.status).toBe(201);
    const planPath = `/documents/${created.body.document.id}`;
    await addMember(coordinator.api, created.body.document.id, reviewer, 'reviewer');
    const reviewerPage = await newPage();
    const coordinatorPage = await newPage();
    await signIn(reviewerPage, reviewer, planPath, 'Action …');
    await signIn(coordinatorPage, coordinator, planPath, 'Action …');

    await selectText(reviewerPage, 'Action …', { focus: true });
    await panelOf(reviewerPage).getByTestId('amendments-toggle').click();
    await panelOf(reviewerPage).getByRole('button', { name: 'Propose an amendment to this clause' }).click();
    const form = reviewerPage.getByTestId('amendment-form');
    await form.waitFor(WAIT);
    const fields = form.getByTestId('amendment-action-fields');
    await fields.getByRole('textbox', { name: 'Indicator' }).fill('500 paralegals trained');
    await fields.getByRole('combobox', { name: 'Status' }).selectOption('in_progress');
    await form.getByRole('textbox', { name: 'Justification (required)' }).fill('Measurable.');
    await form.getByRole('button', { name: 'Table the amendment' }).click();
    await form.waitFor({ state: 'detached', ...WAIT });

    await panelOf(coordinatorPage).getByTestId('amendments-toggle').click();
    const card = panelOf(coordinatorPage).getByTestId('amendment').filter({ hasText: 'Measurable.' });
    await card.waitFor(WAIT);
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => card.getByTestId('amendment-state').innerText(), WAIT).toBe('Accepted');
    await reviewerPage.locator('.ProseMirror').getByText('500 paralegals trained').first().waitFor(WAIT);
    await shot(reviewerPage, 'action-fields-accepted');
  });
});
