import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, newUser } from '../helpers/api.js';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: a person who forgot their password asks for a link on the sign-in page (on a phone),
 * follows the link from the email that reaches a real SMTP server, chooses a new password and
 * lands on their documents; their other browser is signed out; the link does not work twice.
 */
const WAIT = { timeout: 15_000, interval: 100 };
const PHONE = { width: 390, height: 844 };
let inbox: SmtpInbox | undefined;

const e2e = useBrowserAndServer({
  screenshotPrefix: 'password-reset-',
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

describe('password reset from the emailed link', () => {
  it('forgot → email → new password → documents; other sessions end; the link works once', async () => {
    const user = await newUser(new ApiClient(e2e.server.url), { name: 'Nadia Haddad' });
    const elsewhere = await newPage();
    await signIn(elsewhere, user);

    const page = await newPage(PHONE);
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email address').fill(user.email);
    // the keyboard sends the form
    await page.getByLabel('Email address').press('Enter');
    await page.getByRole('status').filter({ hasText: 'a link is on its way' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'sent');

    const mail = await inbox!.waitFor((m) => m.to === user.email);
    const link = linkIn(mail, `${e2e.server.url}/reset-password#`);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    // the token leaves the address bar at once
    await expect.poll(() => new URL(page.url()).hash, WAIT).toBe('');
    await page.getByLabel('New password', { exact: true }).fill('a fresh spring passphrase');
    await shot(page, 'new-password');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'My documents' }).waitFor();

    // the other browser's session ended
    await elsewhere.reload();
    await elsewhere.waitForURL(/\/sign-in/);

    // the link does not work twice
    const again = await newPage();
    await again.goto(link);
    await again.getByLabel('New password', { exact: true }).fill('another spring passphrase');
    await again.getByRole('button', { name: 'Save the new password' }).click();
    await again.getByRole('alert').filter({ hasText: 'This link does not work any more' }).waitFor();

    await signIn(again, { email: user.email, password: 'a fresh spring passphrase' });
  });
});
