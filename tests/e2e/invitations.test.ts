import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { importMarkdown } from '@accord/shared';
import { ApiClient, newUser, uniqueEmail } from '../helpers/api.js';
import { agreementMarkdown } from '../helpers/documents.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

/**
 * Issue 13 item 10 and issue 12 (Members panel): a coordinator invites an address that has no
 * account yet from the Members panel (reached from the top of a long document); the person
 * registers with it, finds the invitation on My documents and accepts it; the coordinator sees
 * them join. Members who do not coordinate see no emails.
 */
const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };
const PHONE = { width: 390, height: 844 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'invitations-',
  fullPageShots: false,
  viewport: { width: 1280, height: 860 },
  onPage: (page) => page.on('dialog', (dialog) => void dialog.accept()),
});
const { newPage, shot, signIn } = e2e;

/** Whether the element is on screen (its top within the viewport). */
const onScreen = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const { top, bottom } = element.getBoundingClientRect();
    // (a fraction of a pixel off is layout rounding)
    return top >= -0.5 && bottom <= window.innerHeight + 0.5;
  });

describe('inviting someone who has no account yet', () => {
  it('invite from the top of a long document → register → accept → member', async () => {
    const ana = await newUser(new ApiClient(e2e.server.url), {
      name: 'Ana Quispe',
      password: PASSWORD,
      organisation: { name: 'Red de Paralegales', kind: 'civil_society', country: 'GT' },
    });
    const title = 'Long agreement';
    const created = await ana.api.request('POST', '/api/documents', {
      title,
      kind: 'agreement',
      content: importMarkdown(agreementMarkdown(title, 40)).json,
    });
    expect(created.status).toBe(201);
    const documentPath = `/documents/${created.body.document.id as string}`;

    for (const viewport of [undefined, PHONE]) {
      const pageA = await newPage(viewport);
      await signIn(pageA, ana, documentPath);
      const panel = pageA.getByTestId('members-panel');
      // on a phone the members are a sheet, opened from the bottom bar: hidden until then
      if (viewport) {
        await panel.waitFor({ state: 'attached' });
        expect(await panel.isVisible()).toBe(false);
      } else {
        await panel.getByRole('heading', { name: 'Members' }).waitFor();
        expect(await onScreen(pageA, '[data-testid="members-panel"] h2')).toBe(false);
      }
      // the header's button (the bottom bar's on a phone), from the keyboard: the panel comes
      // into view and takes the focus
      const button = viewport
        ? pageA.getByRole('navigation', { name: 'Document panels' }).getByRole('button', { name: 'Members' })
        : pageA.getByRole('button', { name: 'Members and invitations' });
      await button.focus();
      await pageA.keyboard.press('Enter');
      await expect.poll(() => onScreen(pageA, '[data-testid="members-panel"] h2'), WAIT).toBe(true);
      expect(await pageA.evaluate(() => document.activeElement?.textContent)).toBe('Members');
      await pageA.close();
    }

    const pageA = await newPage();
    await signIn(pageA, ana, documentPath);
    await pageA.getByRole('button', { name: 'Members and invitations' }).click();
    const panel = pageA.getByTestId('members-panel');
    const beaEmail = uniqueEmail('bea');
    await panel.getByLabel('Email address').fill(beaEmail);
    await panel.getByLabel('Role', { exact: true }).selectOption('reviewer');
    await panel.getByRole('button', { name: 'Invite' }).click();
    await panel.getByText(`Invitation sent to ${beaEmail} as Reviewer.`).waitFor();
    const invited = panel.getByTestId('invitation-row');
    await invited.getByText(beaEmail, { exact: true }).waitFor();
    await invited.getByText('Invited, not yet accepted').waitFor();
    // the coordinator can change the offered role before it is accepted
    await invited.getByLabel(`Role offered to ${beaEmail}`).selectOption('drafter');
    await panel.getByText(`${beaEmail} is now invited as Drafter.`).waitFor();
    await shot(pageA, '01-invited');

    // Bea registers on her phone with that address and finds the invitation on My documents
    const pageB = await newPage(PHONE);
    await pageB.goto(`${e2e.server.url}/register`);
    await pageB.getByLabel('Full name').fill('Bea Mensah');
    await pageB.getByLabel('Email address').fill(beaEmail.toUpperCase());
    await pageB.getByLabel('Password').fill(PASSWORD);
    await pageB.getByRole('button', { name: 'Create account' }).click();
    const received = pageB.getByTestId('received-invitations');
    await received.getByRole('heading', { name: 'Invitations for you' }).waitFor();
    await received.getByText(title).waitFor();
    await received.getByText('Ana Quispe (Red de Paralegales) invites you as Drafter.').waitFor();
    await shot(pageB, '02-invitation-received');
    await received.getByRole('button', { name: `Accept the invitation to “${title}”` }).click();
    await pageB.waitForURL(new RegExp(`${documentPath}$`));
    // her role is in the header's menu on a phone
    await pageB.getByRole('button', { name: 'Document details and views' }).click();
    await pageB.locator('.doc-page__meta').getByText('Drafter').waitFor();

    // the coordinator sees her join (live), with her email; the invitation is gone
    await panel.getByText('Bea Mensah', { exact: true }).waitFor(WAIT);
    await expect.poll(() => panel.getByTestId('invitation-row').count(), WAIT).toBe(0);
    await panel.getByText(beaEmail, { exact: true }).waitFor();
    await shot(pageA, '03-joined');

    // Bea (not a coordinator) sees names, never emails
    // (on her phone, in the Members sheet)
    await pageB.getByRole('button', { name: 'Members', exact: true }).click();
    await expect.poll(() => onScreen(pageB, '[data-testid="members-panel"] h2'), WAIT).toBe(true);
    const beaPanel = pageB.getByTestId('members-panel');
    await beaPanel.getByText('Ana Quispe', { exact: true }).waitFor(WAIT);
    expect(await beaPanel.innerText()).not.toContain('@');
    await shot(pageB, '04-members-on-phone');
  });

  it('a declined invitation disappears for both', async () => {
    const ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    const olu = await newUser(new ApiClient(e2e.server.url), { name: 'Olu', password: PASSWORD });
    const created = await ana.api.request('POST', '/api/documents', { title: 'Not for Olu' });
    const documentId = created.body.document.id as string;
    await ana.api.request('POST', `/api/documents/${documentId}/invitations`, {
      email: olu.email,
      role: 'observer',
    });
    const pageO = await newPage();
    await signIn(pageO, olu);
    const received = pageO.getByTestId('received-invitations');
    await received.getByRole('button', { name: 'Decline the invitation to “Not for Olu”' }).click();
    await received.getByText('You declined the invitation to “Not for Olu”.').waitFor();
    await expect.poll(() => received.getByRole('listitem').count(), WAIT).toBe(0);
    const members = await ana.api.request('GET', `/api/documents/${documentId}/members`);
    expect(members.body.invitations).toEqual([]);
  });
});
