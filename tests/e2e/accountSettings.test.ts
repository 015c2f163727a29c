import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { linkIn, startSmtpInbox, type SmtpInbox } from '../helpers/smtpInbox.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: account settings on a phone, with the keyboard: the name and the interface language
 * change at once; a password change keeps this browser signed in and signs the other one out.
 */
const PHONE = { width: 390, height: 844 };
let inbox: SmtpInbox | undefined;

const e2e = useBrowserAndServer({
  screenshotPrefix: 'account-settings-',
  fullPageShots: true,
  viewport: { width: 1280, height: 860 },
  serverEnv: async () => {
    inbox = await startSmtpInbox();
    return { SMTP_URL: inbox.url };
  },
});

afterAll(async () => {
  await inbox?.close();
});
const { newPage, shot, signIn } = e2e;

describe('account settings', () => {
  it('name and language, then a password change that ends the other session', async () => {
    const user = await newUser(new ApiClient(e2e.server.url), { name: 'Pat Old' });
    const elsewhere = await newPage();
    await signIn(elsewhere, user);

    const page = await newPage(PHONE);
    await signIn(page, user);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.waitForURL(/\/settings$/);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByLabel('Full name').fill('Pat Nuevo');
    await page.getByLabel('Language of your account').selectOption('es');
    await page.getByLabel('Full name').press('Enter');
    await page.getByRole('heading', { name: 'Su cuenta' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Guardado.' }).waitFor();
    expect((await user.api.request('GET', '/api/auth/me')).body.user).toMatchObject({
      name: 'Pat Nuevo',
      locale: 'es',
    });

    const passwordSection = page.getByRole('region', { name: 'Contraseña', exact: true });
    await passwordSection.getByLabel('Contraseña actual').fill('wrong password here');
    await page.getByLabel('Contraseña nueva').fill('a much better passphrase');
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByRole('alert').filter({ hasText: 'La contraseña actual no es correcta.' }).waitFor();
    await passwordSection.getByLabel('Contraseña actual').fill(user.password);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByRole('status').filter({ hasText: 'Sus demás sesiones se cerraron.' }).waitFor();
    await shot(page, 'phone');

    await page.reload();
    await page.getByRole('heading', { name: 'Su cuenta' }).waitFor();
    await elsewhere.reload();
    await elsewhere.waitForURL(/\/sign-in/);
  });

  it('organisation, then email change: the link sent to the new address confirms it', async () => {
    const user = await newUser(new ApiClient(e2e.server.url));
    const page = await newPage();
    await signIn(page, user, '/settings', (url) => url.pathname === '/settings');
    await page.getByLabel('Organisation name').fill('Clínica Jurídica');
    await page.getByLabel('Type of organisation').selectOption('academic');
    await page.getByLabel('Country').selectOption('CL');
    await page.getByRole('button', { name: 'Save the organisation' }).click();
    await page
      .getByRole('region', { name: 'Organisation' })
      .getByRole('status')
      .filter({ hasText: 'Saved.' })
      .waitFor();
    expect((await user.api.request('GET', '/api/auth/me')).body.user.organisation).toMatchObject({
      name: 'Clínica Jurídica',
      kind: 'academic',
      country: 'CL',
    });

    const newEmail = uniqueEmail('moved');
    await page.getByLabel('New email address').fill(newEmail);
    const section = page.getByRole('region', { name: 'Email address' });
    await section.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Send the confirmation link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `A link is on its way to ${newEmail}` })
      .waitFor();

    const mail = await inbox!.waitFor((m) => m.to === newEmail);
    await page.goto(linkIn(mail, `${e2e.server.url}/confirm-email#`));
    await page.getByRole('button', { name: 'Confirm the new address' }).click();
    await page.getByRole('status').filter({ hasText: 'Your email address was changed.' }).waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByText(`Signed in as ${newEmail}.`).waitFor();
  });
  it('deleting the account: the password, then the typed address; signed out, the address is free', async () => {
    const user = await newUser(new ApiClient(e2e.server.url), { name: 'Dana Leaving' });
    const page = await newPage(PHONE);
    await signIn(page, user, '/settings', (url) => url.pathname === '/settings');
    const section = page.getByRole('region', { name: 'Account deletion' });
    await section.getByLabel('Current password').fill('not the password');
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your account for good?' });
    await dialog.getByLabel(`Type your email address (${user.email}) to confirm`).fill(user.email);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await section.getByRole('alert').filter({ hasText: 'The current password is wrong.' }).waitFor();
    expect((await user.api.request('GET', '/api/auth/me')).status).toBe(200);

    await section.getByLabel('Current password').fill(user.password);
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const confirm = dialog.getByRole('button', { name: 'Delete my account' });
    await dialog.getByLabel(/Type your email address/).fill('someone@else.org');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type your email address/).fill(user.email.toUpperCase());
    await shot(page, 'delete-dialog');
    await confirm.click();
    await page.waitForURL(/\/sign-in/);
    expect((await user.api.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(e2e.server.url).login(user.email, user.password)).status).toBe(401);
  });
});
