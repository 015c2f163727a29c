import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { createDocumentWithMembers } from '../helpers/documents.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { selectText } from './helpers/selectText.js';

// Issue 12, bugs 7–9: retyping a commented passage, a reviewer's thread made team-only, and
// choosing someone from the mention list.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-comment-usability-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');
const sidebarOf = (page: Page) => page.getByRole('complementary', { name: /^Comments/ });
const threadsOf = (page: Page) => sidebarOf(page).getByTestId('comment-thread');

/** Signs in and waits for the document's text. */
async function signIn(page: Page, user: NewUser, documentPath: string) {
  await e2e.signIn(page, user, documentPath, (url) => url.pathname === documentPath);
  await editorOf(page).getByText('This Agreement shall enter into force').waitFor(WAIT);
}

/** Selects `passage` in the text, opens a new thread on it and posts `body`. */
async function commentOn(page: Page, passage: string, body: string) {
  await selectText(page, passage, { focus: true });
  await page.keyboard.press('Alt+Control+M');
  const composer = sidebarOf(page).getByTestId('new-thread');
  await composer.getByRole('combobox', { name: 'Your comment' }).fill(body);
  await composer.getByRole('button', { name: 'Post comment' }).click();
  await threadsOf(page).filter({ hasText: body }).waitFor(WAIT);
}

describe('issue 12: comments in everyday use', () => {
  let ana: NewUser;
  let rui: NewUser;
  let bea: NewUser;
  let olu: NewUser;
  let documentId = '';
  let documentPath = '';

  beforeAll(async () => {
    const user = (name: string) => newUser(new ApiClient(e2e.server.url), { name, password: PASSWORD });
    [ana, rui, bea, olu] = await Promise.all([
      user('Ana Quispe'),
      user('Rui Reviewer'),
      user('Bea Mensah'),
      user('Olu Observer'),
    ]);
    documentId = await createDocumentWithMembers(
      ana,
      { title: 'Agreement on legal aid', kind: 'agreement' },
      [
        [rui, 'reviewer'],
        [bea, 'drafter'],
        [olu, 'observer'],
      ],
    );
    documentPath = `/documents/${documentId}`;
  });

  it('7. retyping the whole commented passage keeps the comment on the new words', async () => {
    const drafter = await newPage();
    const reviewer = await newPage();
    await signIn(drafter, bea, documentPath);
    await signIn(reviewer, rui, documentPath);
    await editorOf(drafter).getByText('This Agreement shall enter into force').click();
    await drafter.keyboard.press('End');
    await drafter.keyboard.type(' Everyone has the right to free legal aid in every dispute.', { delay: 10 });
    await editorOf(reviewer).getByText('free legal aid in every dispute').waitFor(WAIT);

    await commentOn(reviewer, 'free legal aid', 'Free for whom?');
    await drafter.locator('.ProseMirror .comment-highlight').first().waitFor(WAIT);

    // the drafter selects the passage and types over it
    await selectText(drafter, 'free legal aid', { focus: true });
    await drafter.keyboard.type('free and quality legal aid', { delay: 20 });
    await expect
      .poll(() => editorOf(reviewer).textContent(), WAIT)
      .toContain('to free and quality legal aid');

    for (const page of [drafter, reviewer]) {
      const thread = threadsOf(page).first();
      await expect.poll(() => thread.getByTestId('anchor-state').innerText(), WAIT).toBe('Text edited');
      expect(await thread.getByTestId('old-quote').innerText()).toBe('free legal aid');
      await expect
        .poll(() => thread.getByTestId('current-quote').innerText(), WAIT)
        .toBe('free and quality legal aid');
      await expect
        .poll(() => page.locator('.ProseMirror .comment-highlight').allInnerTexts(), WAIT)
        .toEqual(['free and quality legal aid']);
    }
    // a reload (the server's resolution) agrees
    await reviewer.reload();
    await expect
      .poll(() => threadsOf(reviewer).first().getByTestId('current-quote').innerText(), WAIT)
      .toBe('free and quality legal aid');
    await shot(drafter, '07-retyped');
  });

  it('8. a reviewer keeps seeing their own thread when a coordinator makes it team-only', async () => {
    const coordinator = await newPage();
    const reviewer = await newPage();
    const observer = await newPage();
    await signIn(coordinator, ana, documentPath);
    await signIn(reviewer, rui, documentPath);
    await signIn(observer, olu, documentPath);
    await commentOn(reviewer, 'shall enter into force', 'Which date exactly?');
    const ruiThread = (page: Page) => threadsOf(page).filter({ hasText: 'Which date exactly?' });
    for (const page of [coordinator, observer]) await ruiThread(page).waitFor(WAIT);

    // an action that says what it does; the thread's state shows as a badge
    await ruiThread(coordinator).getByRole('button', { name: 'Limit to drafting team' }).click();
    await ruiThread(coordinator).getByRole('button', { name: 'Show to all members' }).waitFor(WAIT);
    await ruiThread(coordinator).locator('.badge--team').getByText('Drafting team only').waitFor(WAIT);
    // the observer no longer sees it; its author does, marked as seen by the team and its author
    await expect.poll(() => ruiThread(observer).count(), WAIT).toBe(0);
    await ruiThread(reviewer).getByText('Drafting team and its author').waitFor(WAIT);
    expect(await ruiThread(reviewer).count()).toBe(1);
    // and still after a reload, with the team's replies
    await ruiThread(coordinator).getByRole('button', { name: 'Reply' }).click();
    const reply = ruiThread(coordinator).getByTestId('reply-composer');
    await reply.getByRole('combobox').fill('The date of the tenth ratification.');
    await reply.getByRole('button', { name: 'Send reply' }).click();
    await reviewer.reload();
    await ruiThread(reviewer).getByText('The date of the tenth ratification.').waitFor(WAIT);
    await shot(reviewer, '08-own-team-thread');
  });

  it('9. choosing someone from the mention list shows their name as a token, never the id', async () => {
    const reviewer = await newPage();
    await signIn(reviewer, rui, documentPath);
    await selectText(reviewer, 'This Agreement', { focus: true });
    await reviewer.keyboard.press('Alt+Control+M');
    const composer = sidebarOf(reviewer).getByTestId('new-thread');
    const box = composer.getByRole('combobox', { name: 'Your comment' });
    await box.pressSequentially('Please ask @Be', { delay: 10 });
    await composer.getByRole('option', { name: /Bea Mensah/ }).waitFor(WAIT);
    await box.press('Enter');
    await box.pressSequentially('about it.', { delay: 10 });

    expect(await box.inputValue()).toBe('Please ask @Bea Mensah about it.');
    expect(await composer.innerText()).not.toContain(bea.id);
    const token = composer.getByTestId('mention-token');
    expect(await token.allInnerTexts()).toEqual(['@Bea Mensah']);
    await shot(reviewer, '09-mention-token');

    await composer.getByRole('button', { name: 'Post comment' }).click();
    const thread = threadsOf(reviewer).filter({ hasText: 'about it.' });
    await thread.waitFor(WAIT);
    expect(await thread.innerText()).toContain('Please ask @Bea Mensah about it.');
    // stored as a mention of her id, so she is notified
    const listed = await rui.api.request('GET', `/api/documents/${documentId}/comments`);
    const bodies = (listed.body.threads as Array<{ comment: { body: string } }>).map((t) => t.comment.body);
    expect(bodies).toContain(`Please ask @[Bea Mensah](${bea.id}) about it.`);

    // Backspace right after a token removes the whole name, as one piece
    await threadsOf(reviewer).first().waitFor(WAIT);
    await selectText(reviewer, 'This Agreement', { focus: true });
    await reviewer.keyboard.press('Alt+Control+M');
    await box.pressSequentially('Thanks @Bea', { delay: 10 });
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Thanks @Bea Mensah ');
    await box.press('Backspace');
    await box.press('Backspace');
    expect(await box.inputValue()).toBe('Thanks ');
    expect(await composer.getByTestId('mention-token').count()).toBe(0);
  });
});
