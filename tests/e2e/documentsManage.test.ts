import { describe, expect, it } from 'vitest';
import { ApiClient, newUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17, managing documents: archiving hides a document from My documents; searching by title
 * (without its accents or capitals) finds it once archived documents are shown; deleting it,
 * after typing its title, removes it, and it waits under Deleted documents.
 */
const e2e = useBrowserAndServer({
  screenshotPrefix: 'documents-manage-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

describe('managing documents', () => {
  it('archive hides it, search with "show archived" finds it, delete with the typed title removes it', async () => {
    const owner = await newUser(new ApiClient(e2e.server.url), { name: 'Olga Owner' });
    const title = 'Plan de Acción Costero';
    const created = await owner.api.request('POST', '/api/documents', { title });
    const documentId: string = created.body.document.id;
    await owner.api.request('POST', '/api/documents', { title: 'Regional agreement' });

    const page = await newPage();
    await signIn(page, owner, `/documents/${documentId}`);
    const panel = page.getByTestId('manage-document');
    await panel.getByRole('button', { name: 'Archive' }).click();
    await panel.getByText('Archived. It is hidden from My documents').waitFor();

    await page.goto(`${e2e.server.url}/documents`);
    await page.getByRole('link', { name: 'Regional agreement' }).waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    await page.getByText('1 archived document is hidden.').waitFor();

    await page.getByLabel('Search by title').fill('accion COSTERO');
    await page.getByText('No document matches this search or these filters.').waitFor();
    await page.getByLabel('Show archived').check();
    await page.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('link', { name: 'Regional agreement' }).count()).toBe(0);
    await shot(page, 'archived-found');

    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/documents/${documentId}`));
    await panel.getByRole('button', { name: 'Delete document' }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete “${title}”?` });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
    await dialog.getByLabel(/Type the title/).fill('Plan de Accion');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Type the title/).fill(title);
    await shot(page, 'delete-dialog');
    await confirm.click();
    await page.waitForURL((url) => url.pathname === '/documents');

    await page.getByRole('link', { name: 'Regional agreement' }).waitFor();
    await page.getByLabel('Show archived').check();
    const bin = page.getByTestId('deleted-documents');
    await bin.getByText(title).waitFor();
    expect(await page.getByRole('link', { name: title }).count()).toBe(0);
    expect((await owner.api.request('GET', `/api/documents/${documentId}`)).status).toBe(404);
    await shot(page, 'deleted');

    // on a phone, the search and filters fit the screen: nothing leaves it sideways
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Search by title').waitFor();
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll('main *')].filter(
          (el) => el.getBoundingClientRect().right > window.innerWidth + 0.5,
        ).length,
    );
    expect(overflow).toBe(0);
    await shot(page, 'phone');
  });
});
