import { describe, expect, it } from 'vitest';
import { importMarkdown } from '@accord/shared';
import type { Page } from 'playwright-core';
import { ApiClient, newUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: a coordinator changes a document's language in one tab; another tab of the document
 * numbers its clauses in the new language without reload.
 */
const e2e = useBrowserAndServer({
  screenshotPrefix: 'document-settings-live-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, signIn } = e2e;

/** the clause number labels the editor shows (drawn from an attribute, not text) */
const hasLabel = (page: Page, label: string) =>
  page.locator(`.editor-content [data-number-label="${label}"]`).first().waitFor({ timeout: 10_000 });

describe('kind and language, live', () => {
  it('another open tab renumbers in the new language', async () => {
    const owner = await newUser(new ApiClient(e2e.server.url), { name: 'Olga Owner' });
    const created = await owner.api.request('POST', '/api/documents', {
      title: 'Regional agreement',
      content: importMarkdown('# Regional agreement\n\nArticle 1 — Scope\n\n1. Text.').json,
    });
    expect(created.status).toBe(201);
    const path = `/documents/${created.body.document.id}`;

    const other = await newPage();
    await signIn(other, owner, path);
    await hasLabel(other, 'Article 1');

    const page = await newPage();
    await signIn(page, owner, path);
    const panel = page.getByTestId('manage-document');
    await panel.getByLabel('Language', { exact: true }).selectOption('es');
    await panel.getByRole('button', { name: 'Save kind and language' }).click();
    await hasLabel(page, 'Artículo 1');

    await hasLabel(other, 'Artículo 1');
  });
});
