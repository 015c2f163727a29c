import { describe, expect, it } from 'vitest';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: a coordinator makes a join link for a workshop on a phone and copies it; someone
 * without an account opens it in another browser, registers and lands in the document with the
 * link's role; once revoked, the link says so.
 */
const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'join-link-',
  fullPageShots: false,
  viewport: { width: 1280, height: 860 },
});
const { newPage, shot, signIn } = e2e;

describe('join links', () => {
  it('coordinator creates a link on a phone; a newcomer registers from it and lands in the document', async () => {
    const owner = await newUser(new ApiClient(e2e.server.url), { name: 'Olga Owner', password: PASSWORD });
    const created = await owner.api.request('POST', '/api/documents', { title: 'Workshop text' });
    const documentId: string = created.body.document.id;

    const page = await newPage(PHONE);
    await signIn(page, owner, `/documents/${documentId}`);
    await page
      .getByRole('navigation', { name: 'Document panels' })
      .getByRole('button', { name: 'Members' })
      .click();
    const section = page.getByTestId('join-links');
    await section.getByText('No active join links.').waitFor();
    await section.getByLabel('Role for people who join').selectOption('reviewer');
    await section.getByLabel('Works for').selectOption('7');
    await section.getByRole('button', { name: 'Create a join link' }).click();
    const field = section.getByLabel('New join link');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${e2e.server.url}/join#[A-Za-z0-9_-]{40,}$`));
    await section.getByRole('button', { name: /^Revoke the Reviewer link valid until / }).waitFor();
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="join-links"] *')].filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
        ).length,
    );
    expect(overflow).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'coordinator-phone');

    const newcomer = await newPage(PHONE);
    await newcomer.goto(link);
    await newcomer.getByText('You are invited to join “Workshop text” as Reviewer.').waitFor();
    await newcomer.getByRole('link', { name: 'Create an account and join' }).click();
    await newcomer.waitForURL(/\/register/);
    const email = uniqueEmail('participant');
    await newcomer.getByLabel('Full name').fill('Pia Participant');
    await newcomer.getByLabel('Email address').fill(email);
    await newcomer.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await newcomer.waitForURL((url) => url.pathname === `/documents/${documentId}`, { timeout: 15_000 });
    await newcomer.getByRole('heading', { name: 'Workshop text' }).first().waitFor();
    const members = await owner.api.request('GET', `/api/documents/${documentId}/members`);
    expect(members.body.members).toContainEqual(
      expect.objectContaining({ name: 'Pia Participant', role: 'reviewer' }),
    );

    // someone already signed in goes straight in
    const member = await newUser(new ApiClient(e2e.server.url), { name: 'Sam Signed', password: PASSWORD });
    const signedIn = await newPage();
    await signIn(signedIn, member);
    await signedIn.goto(link);
    await signedIn.waitForURL((url) => url.pathname === `/documents/${documentId}`, { timeout: 15_000 });
    await signedIn.getByRole('heading', { name: 'Workshop text' }).first().waitFor();

    // revoked: a third person is told so
    await section.getByRole('button', { name: /^Revoke the Reviewer link/ }).click();
    await section.getByText('No active join links.').waitFor();
    const late = await newPage();
    await late.goto(link);
    await late.getByText('This join link was revoked.').waitFor();
    await shot(late, 'revoked');
  });
});
