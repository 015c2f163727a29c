import { describe, expect, it } from 'vitest';
import { ApiClient, newUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 17: an invitee on My documents sees a new invitation appear, and the bell count it, without
 * reloading the page (their own live channel, GET /api/events).
 */
const e2e = useBrowserAndServer({
  screenshotPrefix: 'invitations-live-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

describe('invitations, live', () => {
  it('appear on My documents and in the bell without reload', async () => {
    const [coordinator, invitee] = await Promise.all([
      newUser(new ApiClient(e2e.server.url), { name: 'Coral Coordinator' }),
      newUser(new ApiClient(e2e.server.url), { name: 'Ines Invitee' }),
    ]);
    const created = await coordinator.api.request('POST', '/api/documents', { title: 'Acuerdo regional' });
    const documentId: string = created.body.document.id;

    const page = await newPage();
    // the channel is open (its headers answered) before the invitation is sent
    const channel = page.waitForResponse((response) => response.url().endsWith('/api/events'));
    await signIn(page, invitee, '/documents');
    expect((await channel).status()).toBe(200);
    await page.getByRole('button', { name: 'Notifications (0 unread)' }).waitFor();
    expect(await page.getByTestId('received-invitations').count()).toBe(0);
    const invited = await coordinator.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: invitee.email,
      role: 'reviewer',
    });
    expect(invited.status).toBe(201);

    const list = page.getByTestId('received-invitations');
    await list.getByText('Acuerdo regional').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Notifications (1 unread)' }).click();
    await page
      .getByRole('link', { name: /Coral Coordinator invited you to “Acuerdo regional” as Reviewer/ })
      .waitFor();
    await shot(page, 'bell');
    await list.getByRole('button', { name: /Accept/ }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${documentId}`);
  });
});
