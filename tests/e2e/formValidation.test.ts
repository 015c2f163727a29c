import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ApiClient, newUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 12 (Languages): the browser's validation bubbles ("Please include an '@' …") speak the
 * browser's language, not the one chosen in Accord. Accord's forms say what is wrong under each
 * field, in the interface language, tied to the field (aria-describedby, aria-invalid).
 */
const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'form-validation-',
  fullPageShots: false,
  viewport: { width: 1280, height: 860 },
});
const { newPage, shot, signIn } = e2e;

/** The texts that describe a control (its aria-describedby), joined. */
const description = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );

describe('form validation in the interface language', () => {
  it('a French interface says in French that an email address is not valid', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/sign-in`);
    // the browser speaks English (en-GB); the person chooses French in Accord
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Se connecter à Accord' }).waitFor();

    const email = page.getByLabel('Adresse e-mail');
    const password = page.getByLabel('Mot de passe');
    await email.fill('ana.example.org');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();

    await expect
      .poll(() => description(email), WAIT)
      .toContain('Saisissez une adresse e-mail, par exemple nom@exemple.org.');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await description(password)).toContain('Remplissez ce champ.');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    // the first field in error has the focus; nothing was sent, the page stays
    expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await shot(page, 'sign-in-fr');

    // fixing the address takes its message away as the person types
    await email.fill('ana@example.org');
    await expect.poll(() => email.getAttribute('aria-invalid'), WAIT).toBeNull();
    expect(await description(email)).not.toContain('Saisissez');
    expect(await description(password)).toContain('Remplissez ce champ.');
    await page.close();
  });

  it('registering in Portuguese and creating a document in Spanish say what is missing in those languages', async () => {
    const page = await newPage();
    await page.goto(`${e2e.server.url}/register`);
    await page.getByLabel('Language').selectOption('pt');
    const name = page.getByLabel('Nome completo');
    await name.fill('   ');
    await page.getByLabel('Endereço de e-mail').fill('joao@');
    await page.getByLabel('Senha').fill('curta');
    await page.getByRole('button', { name: 'Criar conta' }).click();
    await expect.poll(() => description(name), WAIT).toContain('Preencha este campo.');
    expect(await description(page.getByLabel('Endereço de e-mail'))).toContain(
      'Digite um endereço de e-mail, por exemplo nome@exemplo.org.',
    );
    expect(await description(page.getByLabel('Senha'))).toMatch(/Use pelo menos \d+ caracteres\./);
    expect(new URL(page.url()).pathname).toBe('/register');
    await page.close();

    const ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    const documents = await newPage();
    await signIn(documents, ana, '/documents');
    await documents.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    const title = documents.getByLabel('Título', { exact: true });
    await title.fill('  ');
    await documents.getByRole('button', { name: 'Crear documento' }).click();
    await expect.poll(() => description(title), WAIT).toContain('Complete este campo.');
    expect(new URL(documents.url()).pathname).toBe('/documents');
    await documents.close();
  });
});
