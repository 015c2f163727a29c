import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: an invitation email reaches a real SMTP server; its link takes someone without an
 * account through registering straight into the document, and someone with an account through
 * signing in and accepting; another account is told the invitation is not theirs.
 */
const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };
let inbox: SmtpInbox | undefined;

const e2e = useBrowserAndServer({
  screenshotPrefix: 'invitation-link-',
  fullPageShots: false,
  viewport: { width: 1280, height: 860 },
  serverEnv: async () => {
    inbox = await startSmtpInbox();
    return { SMTP_URL: inbox.url };
  },
});
const { newPage, shot, signIn } = e2e;

afterAll(async () => {
  await inbox?.close();
});

async function invitedLink(email: string, role: string) {
  const owner = await newUser(new ApiClient(e2e.server.url), { name: 'Olga Owner', password: PASSWORD });
  const created = await owner.api.request('POST', '/api/documents', { title: 'Regional agreement' });
  const documentId: string = created.body.document.id;
  const invited = await owner.api.request('POST', `/api/documents/${documentId}/invitations`, {
    email,
    role,
  });
  expect(invited.status).toBe(201);
  const mail = await inbox!.waitFor((m) => m.to === email);
  return { documentId, link: linkIn(mail, `${e2e.server.url}/invitation#`) };
}

describe('invitation links', () => {
  it('someone without an account: link → register with the invited address → in the document', async () => {
    const email = uniqueEmail('newcomer');
    const { documentId, link } = await invitedLink(email, 'drafter');
    const page = await newPage(PHONE);
    await page.goto(link);
    await page.getByText('Olga Owner invites you to “Regional agreement” as Drafter.').waitFor();
    await shot(page, 'signed-out');
    // nothing leaves the phone's screen sideways
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('main *')].filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
        ).length,
    );
    expect(overflow).toBe(0);
    await page.getByRole('link', { name: 'Create an account with this address' }).click();
    await page.waitForURL(/\/register/);
    expect(await page.getByLabel('Email address').inputValue()).toBe(email);
    await page.getByLabel('Full name').fill('Nuno Newcomer');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}`, { timeout: 15_000 });
    await page.getByRole('heading', { name: 'Regional agreement' }).first().waitFor();
  });

  it('someone with an account: link → sign in → accept → document; another account is told', async () => {
    const invitee = await newUser(new ApiClient(e2e.server.url), {
      name: 'Ines Invitee',
      password: PASSWORD,
    });
    const { documentId, link } = await invitedLink(invitee.email, 'reviewer');

    const stranger = await newUser(new ApiClient(e2e.server.url), { password: PASSWORD });
    const wrong = await newPage();
    await signIn(wrong, stranger);
    await wrong.goto(link);
    await wrong.getByText(`but the invitation is for ${invitee.email}`).waitFor();
    expect(await wrong.getByRole('button', { name: 'Accept and open the document' }).count()).toBe(0);

    const page = await newPage();
    await page.goto(link);
    await page.getByRole('link', { name: 'Sign in to accept' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email address').fill(invitee.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/invitation$/);
    const accept = page.getByRole('button', { name: 'Accept and open the document' });
    await accept.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}`, { timeout: 15_000 });
    await page.getByRole('heading', { name: 'Regional agreement' }).first().waitFor();

    // the link is spent: opening it again offers the document, not another acceptance
    await page.goto(link);
    await page.getByRole('link', { name: 'Open the document' }).waitFor();
  });
});
