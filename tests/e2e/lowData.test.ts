import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser } from '../helpers/api.js';
import { createDocumentWithMembers } from '../helpers/documents.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-low-data-',
  fullPageShots: false,
  viewport: { width: 1280, height: 860 },
});
const { newPage, shot, signIn } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
const caretLabels = (page: Page) => page.locator('.collaboration-carets__label').allInnerTexts();

async function typeAtEnd(page: Page, text: string) {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

describe('low-data mode (issue 18)', () => {
  it('shows who is here without carets, and loads a thread’s replies when asked', async () => {
    const api = () => new ApiClient(e2e.server.url);
    const ana = await newUser(api(), { name: 'Ana Quispe', password: PASSWORD });
    const bea = await newUser(api(), { name: 'Bea Mensah', password: PASSWORD });
    const documentId = await createDocumentWithMembers(
      ana,
      { title: 'Low-data agreement', kind: 'agreement' },
      [[bea, 'drafter']],
    );
    const outline = await ana.api.request('GET', `/api/documents/${documentId}/outline`);
    const clauseId = (outline.body.clauses as { clauseId: string; kind: string }[]).find(
      (clause) => clause.kind === 'article',
    )!.clauseId;
    const thread = await ana.api.request('POST', `/api/documents/${documentId}/comments`, {
      anchor: { kind: 'clause', clauseId },
      body: 'Should this cover customary courts?',
    });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    for (const body of ['Yes, and mobile courts.', 'Agreed: both.']) {
      const reply = await bea.api.request('POST', `/api/comments/${thread.body.thread.id}/replies`, { body });
      expect(reply.status).toBe(201);
    }

    // Bea turns low-data mode on in her settings (a choice of this device)
    const low = await newPage();
    await signIn(low, bea, '/settings');
    const toggle = low.getByLabel('Use low-data mode');
    await toggle.check();
    await shot(low, '01-settings');
    await low.goto(`${e2e.server.url}/documents/${documentId}`);
    await expect.poll(() => low.getByTestId('connection-status').innerText(), WAIT).toContain('Online');

    const full = await newPage();
    await signIn(full, ana, `/documents/${documentId}`);
    await expect.poll(() => full.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
    await typeAtEnd(full, ' Including customary courts.');
    await typeAtEnd(low, ' And mobile courts.');
    await expect.poll(() => editorOf(low).innerText(), WAIT).toContain('Including customary courts.');
    await expect.poll(() => editorOf(full).innerText(), WAIT).toContain('And mobile courts.');

    // names without carets, both ways: Bea receives none and publishes none
    await expect.poll(() => low.getByTestId('presence-list').innerText(), WAIT).toContain('Ana Quispe');
    await expect.poll(() => full.getByTestId('presence-list').innerText(), WAIT).toContain('Bea Mensah');
    await typeAtEnd(full, ' Again.');
    await expect.poll(() => editorOf(low).innerText(), WAIT).toContain('Again.');
    expect(await caretLabels(low)).toEqual([]);
    expect(await caretLabels(full)).not.toContain('Bea Mensah');

    // the thread comes with its first comment; its replies load when asked
    const sidebar = low.getByRole('complementary', { name: /^Comments/ });
    const card = sidebar.getByTestId('comment-thread').first();
    await card.getByText('Should this cover customary courts?').waitFor(WAIT);
    expect(await card.getByText('Yes, and mobile courts.').count()).toBe(0);
    await shot(low, '02-thread-without-replies');
    await card.getByRole('button', { name: 'Show 2 replies' }).click();
    await card.getByText('Yes, and mobile courts.').waitFor(WAIT);
    await card.getByText('Agreed: both.').waitFor(WAIT);

    // turned off again: carets come back, on this device
    await low.goto(`${e2e.server.url}/settings`);
    await low.getByLabel('Use low-data mode').uncheck();
    await low.goto(`${e2e.server.url}/documents/${documentId}`);
    await expect.poll(() => low.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
    await typeAtEnd(full, ' Once more.');
    await expect.poll(() => caretLabels(low), WAIT).toContain('Ana Quispe');
  });
});
