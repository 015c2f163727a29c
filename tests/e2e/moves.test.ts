import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { createDocument } from './helpers/createDocument.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { addMember } from '../helpers/members.js';

// Issue 19 in the browser: one person drags an article in the outline while another is typing
// in it. Yjs moves by deleting and copying; the server carries what was typed into the old copy
// to the new place, and the typist's caret follows the article.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'moves-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
const outlineRow = (page: Page, name: string) =>
  outline(page).getByRole('treeitem', { name, exact: true }).locator('> .outline__row');

/** Each article's heading and text, in order, without collaborators' caret labels. */
const articleTexts = (page: Page) =>
  page.locator('.ProseMirror section[data-type="article"]').evaluateAll((sections) =>
    sections.map((section) => {
      const copy = section.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.innerText.replace(/\s+/g, ' ').trim();
    }),
  );

/** The heading of the article the caret is in. */
const caretArticle = (page: Page) =>
  page.evaluate(() => {
    const node = window.getSelection()?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    const article = element?.closest('section[data-type="article"]');
    return article?.querySelector(':scope > h3[data-type="clause-heading"]')?.textContent ?? null;
  });

describe('moving a clause while someone types in it', () => {
  let ana: NewUser;
  let bea: NewUser;

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
  });

  it("keeps the typist's words in the moved article, once, and the caret with them", async () => {
    const pageA = await newPage();
    await signIn(pageA, ana);
    const documentPath = await createDocument(pageA, {
      title: 'Agreement on legal aid',
      kind: 'agreement',
      fromTemplate: true,
    });
    const documentId = documentPath.split('/').pop()!;
    await addMember(ana.api, documentId, bea, 'drafter');
    const pageB = await newPage();
    await signIn(pageB, bea, documentPath);
    await expect.poll(async () => (await articleTexts(pageB)).length, WAIT).toBe(5);

    // Bea types at the end of article 3 ("Obligations"), slowly, while Ana drags that article
    // before article 1 in the outline
    await pageB.locator('.ProseMirror').getByText('Each Party shall report on').click();
    await pageB.keyboard.press('End');
    const typing = pageB.keyboard.type(' quarterly', { delay: 60 });
    await pageB.waitForTimeout(450);
    const drag = outlineRow(pageA, 'Article 3 Obligations').dragTo(outlineRow(pageA, 'Article 1 Purpose'), {
      targetPosition: { x: 30, y: 3 },
    });
    await Promise.all([typing, drag]);
    // and goes on typing where the caret is. (A keystroke made in the very instant the moved
    // article is re-drawn can still go astray: seen in 3 of about 25 runs when the drag landed
    // between two keystrokes; not yet explained, see issue 19's note.)
    await pageB.waitForTimeout(300);
    await pageB.keyboard.type(' to the secretariat every year', { delay: 20 });

    const expected = 'Each Party shall report on … quarterly to the secretariat every year';
    for (const page of [pageA, pageB]) {
      await expect.poll(async () => (await articleTexts(page))[0] ?? '', WAIT).toContain(expected);
    }
    const texts = await articleTexts(pageA);
    expect(texts[0]).toMatch(/^Obligations/); // the first article now
    // once: nowhere else, and not twice in the moved article
    expect(texts.join('\n').split('quarterly')).toHaveLength(2);
    expect(texts.join('\n').split('every year')).toHaveLength(2);
    expect(await articleTexts(pageB)).toEqual(texts);
    // Bea's caret is still in the article she was typing in
    expect(await caretArticle(pageB)).toBe('Obligations');
    await shot(pageB, '01-typist-after-move');
  });
});
