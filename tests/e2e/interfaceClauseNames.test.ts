import { describe, expect, it } from 'vitest';
import { ApiClient, newUser } from '../helpers/api.js';
import { createDocumentWithMembers } from '../helpers/documents.js';
import { selectText } from './helpers/selectText.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 12 (Languages): a sentence of the interface names a clause in the interface language.
 * A Brazilian reviewer, with Accord in Portuguese, comments on a Spanish agreement: the text
 * shows "Artículo 3" (the document's language), the comments panel says "Artigo 3, nº 2", not
 * a mix such as "sobre Artículo 3, nº 2".
 */
const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'interface-clause-names-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});

describe('clause names in interface sentences', () => {
  it('a Portuguese interface names the clauses of a Spanish text in Portuguese', async () => {
    const api = () => new ApiClient(e2e.server.url);
    const ana = await newUser(api(), { name: 'Ana Quispe', password: PASSWORD, locale: 'es' });
    const joao = await newUser(api(), { name: 'João Silva', password: PASSWORD, locale: 'pt' });
    const documentId = await createDocumentWithMembers(
      ana,
      { title: 'Acuerdo regional', kind: 'agreement', language: 'es' },
      [[joao, 'reviewer']],
    );
    const documentPath = `/documents/${documentId}`;

    const page = await e2e.newPage();
    await e2e.signIn(page, joao, documentPath, (url) => url.pathname === documentPath);
    const editor = page.locator('.ProseMirror');
    await editor.getByText('Cada Parte informará sobre').waitFor(WAIT);
    // the interface is Portuguese (João's language), the text keeps its Spanish labels
    await page.getByRole('heading', { name: 'Comentários' }).first().waitFor(WAIT);
    // its strings are Brazilian Portuguese, and the page says so
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    const labels = await editor
      .locator('[data-number-label]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-number-label')));
    expect(labels).toContain('Artículo 3');

    await selectText(page, 'informará', { focus: true });
    await page.keyboard.press('Alt+Control+M');
    const sidebar = page.getByRole('complementary', { name: /^Comentários/ });
    const composer = sidebar.getByTestId('new-thread');
    await expect
      .poll(() => composer.textContent(), WAIT)
      .toContain('Novo comentário sobre um trecho de Artigo 3, nº 2');
    await composer.getByRole('combobox', { name: 'Seu comentário' }).fill('Com que frequência?');
    await composer.getByRole('button', { name: 'Publicar comentário' }).click();
    const thread = sidebar.getByTestId('comment-thread').filter({ hasText: 'Com que frequência?' });
    await thread.waitFor(WAIT);
    expect(await thread.textContent()).toContain('João Silva sobre Artigo 3, nº 2');
    expect(await sidebar.textContent()).not.toContain('Artículo');
    await e2e.shot(page, 'comments-pt-on-es');
    await page.close();
  });
});
