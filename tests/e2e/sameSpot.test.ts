import { addMember } from '../helpers/members.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';

// Issue 12, bug 3: two people at the same spot. Both carets at the end of a paragraph; one types
// " Aid", the other presses Enter. The words stay in the paragraph where their author typed them,
// and the author's caret stays after them; the new paragraph is the other person's.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'e2e-same-spot-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
  logPageErrors: true,
});
const { newPage, shot } = e2e;

const editorOf = (page: Page) => page.locator('.ProseMirror');

/** Where both carets go: the end of a paragraph of the agreement template, of each kind. */
const SPOTS = {
  'a point': {
    text: '“…” means ….',
    blocks: (page: Page) => editorOf(page).locator('[data-type="point"] > p'),
    index: 1,
  },
  'a numbered paragraph': {
    text: 'Each Party shall report on …',
    blocks: (page: Page) => editorOf(page).locator('[data-type="numbered-paragraph"] > p'),
    index: 1,
  },
  'a paragraph of an article': {
    text: 'The depositary of this Agreement shall be …',
    blocks: (page: Page) => editorOf(page).locator('section[data-type="article"] > p'),
    index: 3,
  },
} satisfies Record<string, { text: string; blocks: (page: Page) => Locator; index: number }>;
type Spot = (typeof SPOTS)[keyof typeof SPOTS];

/** The text of the paragraphs of the spot's kind, without collaborators' caret labels. */
const textsOf = (spot: Spot, page: Page) =>
  spot.blocks(page).evaluateAll((nodes) =>
    nodes.map((node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );

async function openDocument(page: Page, user: NewUser, documentPath: string) {
  await e2e.signIn(
    page,
    { email: user.email, password: PASSWORD },
    documentPath,
    (url) => url.pathname === documentPath,
  );
  await editorOf(page).getByText('The depositary of this Agreement').waitFor(WAIT);
  await expect.poll(() => page.getByTestId('connection-status').innerText(), WAIT).toContain('Online');
}

const online = (page: Page) => page.getByTestId('connection-status').innerText();

describe('issue 12, bug 3: two people typing at the same spot', () => {
  let ana: NewUser;
  let bea: NewUser;

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
  });

  /** Ana (the typist) and Bea (who presses Enter), both at the end of the spot's paragraph. */
  async function twoAtTheEnd(spot: Spot, title: string) {
    const created = await ana.api.request('POST', '/api/documents', { title, kind: 'agreement' });
    expect(created.status).toBe(201);
    const documentId = created.body.document.id as string;
    await addMember(ana.api, documentId, bea, 'drafter');
    const typist = await newPage();
    const splitter = await newPage();
    for (const [page, user] of [
      [typist, ana],
      [splitter, bea],
    ] as const) {
      await openDocument(page, user, `/documents/${documentId}`);
      // by its place: the other person's caret label may already be inside its text
      await spot.blocks(page).nth(spot.index).click();
      await page.keyboard.press('End');
    }
    const before = await textsOf(spot, typist);
    expect(before[spot.index]).toBe(spot.text);
    return { typist, splitter, before };
  }

  /** Both keep typing where their carets are; each one's words stay together. */
  async function expectEachKeepsTheirPlace(spot: Spot, typist: Page, splitter: Page, before: string[]) {
    await expect.poll(async () => (await textsOf(spot, splitter)).join('|'), WAIT).toContain(' Aid');
    await typist.keyboard.type('ZQ', { delay: 20 });
    await splitter.keyboard.type('New', { delay: 20 });
    const expected = [...before];
    expected.splice(spot.index, 1, `${spot.text} AidZQ`, 'New');
    await expect.poll(() => textsOf(spot, typist), WAIT).toEqual(expected);
    await expect.poll(() => textsOf(spot, splitter), WAIT).toEqual(expected);
  }

  it('a split before the caret takes the caret along with the text after it', async () => {
    const spot = SPOTS['a paragraph of an article'];
    const { typist, splitter, before } = await twoAtTheEnd(spot, 'Agreement split before a caret');
    await typist.keyboard.type(' Aid', { delay: 20 });
    await expect.poll(async () => (await textsOf(spot, splitter))[spot.index], WAIT).toBe(`${spot.text} Aid`);
    // Bea splits the paragraph before "shall", to the left of Ana's caret (the caret put there
    // through the DOM selection, as a click does: arrow keys would also step over Ana's caret label)
    await splitter.evaluate(() => {
      const editor = document.querySelector('.ProseMirror') as HTMLElement;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(' shall be …');
        if (at < 0 || !node.textContent!.startsWith('The depositary')) continue;
        window.getSelection()!.collapse(node, at);
        return;
      }
      throw new Error('text not found');
    });
    await splitter.waitForTimeout(150);
    await splitter.keyboard.press('Enter');
    await expect.poll(() => textsOf(spot, typist), WAIT).toContain(' shall be … Aid');
    await typist.keyboard.type('ZQ', { delay: 20 });
    const expected = [...before];
    expected.splice(spot.index, 1, 'The depositary of this Agreement', ' shall be … AidZQ');
    await expect.poll(() => textsOf(spot, typist), WAIT).toEqual(expected);
    await expect.poll(() => textsOf(spot, splitter), WAIT).toEqual(expected);
  });

  for (const [name, spot] of Object.entries(SPOTS)) {
    it(`at the end of ${name}, the other has seen the words arrive and presses Enter: the words and their caret stay`, async () => {
      const { typist, splitter, before } = await twoAtTheEnd(spot, `Agreement typed at ${name}`);
      await typist.keyboard.type(' Aid', { delay: 20 });
      await expect
        .poll(async () => (await textsOf(spot, splitter))[spot.index], WAIT)
        .toBe(`${spot.text} Aid`);
      await splitter.keyboard.press('Enter');
      await expectEachKeepsTheirPlace(spot, typist, splitter, before);
      await shot(typist, `${name.replaceAll(' ', '-')}`);
    });
  }

  describe('at the end of a numbered paragraph, when neither has seen the other yet', () => {
    const spot = SPOTS['a numbered paragraph'];

    it('the Enter arrives while the other types: the words and their caret stay', async () => {
      const { typist, splitter, before } = await twoAtTheEnd(spot, 'Agreement typed at once');
      await Promise.all([typist.keyboard.type(' Aid', { delay: 40 }), splitter.keyboard.press('Enter')]);
      await expectEachKeepsTheirPlace(spot, typist, splitter, before);
    });

    it('the Enter was pressed offline: the words and their caret stay once it arrives', async () => {
      const { typist, splitter, before } = await twoAtTheEnd(spot, 'Agreement split offline');
      await splitter.context().setOffline(true);
      await expect.poll(() => online(splitter), WAIT).not.toContain('Online');
      await splitter.keyboard.press('Enter');
      await typist.keyboard.type(' Aid', { delay: 20 });
      await expect.poll(async () => (await textsOf(spot, typist))[spot.index], WAIT).toBe(`${spot.text} Aid`);
      await splitter.context().setOffline(false);
      await expectEachKeepsTheirPlace(spot, typist, splitter, before);
    });

    it('the words were typed offline: they stay once they arrive', async () => {
      const { typist, splitter, before } = await twoAtTheEnd(spot, 'Agreement typed offline');
      await typist.context().setOffline(true);
      await expect.poll(() => online(typist), WAIT).not.toContain('Online');
      await typist.keyboard.type(' Aid', { delay: 20 });
      await splitter.keyboard.press('Enter');
      await expect.poll(async () => (await textsOf(spot, splitter)).length, WAIT).toBe(before.length + 1);
      await typist.context().setOffline(false);
      await expectEachKeepsTheirPlace(spot, typist, splitter, before);
    });
  });
});
