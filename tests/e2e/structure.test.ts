import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { ApiClient, newUser, type NewUser } from '../helpers/api.js';
import { openProvider, waitFor, whenSynced } from '../helpers/collab.js';
import { createDocument } from './helpers/createDocument.js';
import { useBrowserAndServer } from './helpers/useBrowserAndServer.js';
import { addMember } from '../helpers/members.js';

// Issue 4 in the browser: the outline panel (live numbers, navigation, reordering by drag and
// drop and by keyboard), action fields, and importing a Markdown file through the preview.

const PASSWORD = 'correct horse battery';
const WAIT = { timeout: 15_000, interval: 100 };

const e2e = useBrowserAndServer({
  screenshotPrefix: 'structure-',
  fullPageShots: false,
  viewport: { width: 1280, height: 900 },
});
const { newPage, shot, signIn } = e2e;

/** "Article 3 — Heading" for every article of the text, as the editor numbers them. */
const articles = (page: Page) =>
  page.locator('.ProseMirror section[data-type="article"]').evaluateAll((sections) =>
    sections.map((section) => {
      const h3 = section.querySelector(':scope > h3[data-type="clause-heading"]');
      const copy = h3?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      const heading = copy?.textContent ?? '';
      return `${section.getAttribute('data-number-label')} — ${heading}`;
    }),
  );

const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
/** The outline's articles, "Article 3 Heading", in order. */
const outlineArticles = (page: Page) =>
  outline(page)
    .locator('[role="treeitem"][data-kind="article"] > .outline__row')
    .evaluateAll((rows) =>
      rows.map((row) => (row as HTMLElement).innerText.replace(/⋮⋮/g, '').replace(/\s+/g, ' ').trim()),
    );
const outlineEntry = (page: Page, name: string) => outline(page).getByRole('treeitem', { name, exact: true });

describe('document structure in the browser', () => {
  let ana: NewUser;
  let bea: NewUser;
  let olu: NewUser;
  let documentPath = '';

  beforeAll(async () => {
    ana = await newUser(new ApiClient(e2e.server.url), { name: 'Ana Quispe', password: PASSWORD });
    bea = await newUser(new ApiClient(e2e.server.url), { name: 'Bea Mensah', password: PASSWORD });
    olu = await newUser(new ApiClient(e2e.server.url), { name: 'Olu Observer', password: PASSWORD });
  });

  it('agreement template, toolbar articles, reordering in the outline, live in a second browser', async () => {
    const pageA = await newPage();
    await signIn(pageA, ana);
    documentPath = await createDocument(pageA, {
      title: 'Agreement on community paralegals',
      kind: 'agreement',
      fromTemplate: true,
    });
    const documentId = documentPath.split('/').pop()!;
    for (const [user, role] of [
      [bea, 'drafter'],
      [olu, 'observer'],
    ] as const) {
      await addMember(ana.api, documentId, user, role);
    }

    // the outline lists the template's chapters and articles with their live numbers
    await expect
      .poll(() => outlineArticles(pageA), WAIT)
      .toEqual([
        'Article 1 Purpose',
        'Article 2 Definitions',
        'Article 3 Obligations',
        'Article 4 Entry into force',
        'Article 5 Depositary',
      ]);
    await outlineEntry(pageA, 'Chapter II Obligations of the Parties').waitFor();
    expect(await pageA.getByTestId('outline-counts').innerText()).toContain('3 chapters · 5 articles');

    const pageB = await newPage();
    await signIn(pageB, bea, documentPath);
    await expect.poll(() => articles(pageB), WAIT).toHaveLength(5);

    // two articles from the toolbar, after article 1
    await pageA.locator('.ProseMirror').getByText('The purpose of this Agreement is to').click();
    await pageA.getByRole('button', { name: 'Insert an article' }).click();
    await pageA.keyboard.type('Legal aid');
    await pageA.getByRole('button', { name: 'Insert an article' }).click();
    await pageA.keyboard.type('Community paralegals');
    const afterInsert = [
      'Article 1 — Purpose',
      'Article 2 — Legal aid',
      'Article 3 — Community paralegals',
      'Article 4 — Definitions',
      'Article 5 — Obligations',
      'Article 6 — Entry into force',
      'Article 7 — Depositary',
    ];
    await expect.poll(() => articles(pageB), WAIT).toEqual(afterInsert);
    // both outlines follow, the other browser's too
    await expect.poll(() => outlineArticles(pageB), WAIT).toContain('Article 3 Community paralegals');
    await expect.poll(() => outlineArticles(pageA), WAIT).toContain('Article 3 Community paralegals');
    await shot(pageA, '01-outline-after-insert');

    // drag and drop: "Community paralegals" before "Purpose"
    const dragged = outlineEntry(pageA, 'Article 3 Community paralegals').locator('> .outline__row');
    const target = outlineEntry(pageA, 'Article 1 Purpose').locator('> .outline__row');
    await dragged.dragTo(target, { targetPosition: { x: 30, y: 3 } });
    const afterDrag = [
      'Article 1 — Community paralegals',
      'Article 2 — Purpose',
      'Article 3 — Legal aid',
      'Article 4 — Definitions',
      'Article 5 — Obligations',
      'Article 6 — Entry into force',
      'Article 7 — Depositary',
    ];
    await expect.poll(() => articles(pageA), WAIT).toEqual(afterDrag);
    await expect.poll(() => articles(pageB), WAIT).toEqual(afterDrag);
    await expect.poll(() => outlineArticles(pageB), WAIT).toContain('Article 1 Community paralegals');

    // keyboard: select "Definitions" and move it up twice with Alt+↑ (crosses into chapter I)
    await outlineEntry(pageA, 'Article 4 Definitions').click();
    await outlineEntry(pageA, 'Article 4 Definitions').focus();
    await pageA.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => pageA.getByTestId('outline-announcement').innerText(), WAIT)
      .toBe('Moved. It is now Article 3 — Definitions.');
    // focus stays on the moved entry: a second Alt+↑ moves it again
    await pageA.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => pageA.getByTestId('outline-announcement').innerText(), WAIT)
      .toBe('Moved. It is now Article 2 — Definitions.');
    const afterKeys = [
      'Article 1 — Community paralegals',
      'Article 2 — Definitions',
      'Article 3 — Purpose',
      'Article 4 — Legal aid',
      'Article 5 — Obligations',
      'Article 6 — Entry into force',
      'Article 7 — Depositary',
    ];
    await expect.poll(() => articles(pageB), WAIT).toEqual(afterKeys);
    // and the buttons do the same: "Move down" puts it back after Purpose
    await outline(pageA).getByRole('button', { name: 'Move down' }).click();
    await expect
      .poll(() => articles(pageB), WAIT)
      .toEqual([
        'Article 1 — Community paralegals',
        'Article 2 — Purpose',
        'Article 3 — Definitions',
        'Article 4 — Legal aid',
        'Article 5 — Obligations',
        'Article 6 — Entry into force',
        'Article 7 — Depositary',
      ]);
    await expect.poll(() => outlineArticles(pageB), WAIT).toContain('Article 3 Definitions');

    // a whole chapter moves too: chapter III before chapter II (keyboard)
    await outlineEntry(pageA, 'Chapter III Final provisions').click();
    await outlineEntry(pageA, 'Chapter III Final provisions').focus();
    await pageA.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => articles(pageB), WAIT)
      .toEqual([
        'Article 1 — Community paralegals',
        'Article 2 — Purpose',
        'Article 3 — Definitions',
        'Article 4 — Legal aid',
        'Article 5 — Entry into force',
        'Article 6 — Depositary',
        'Article 7 — Obligations',
      ]);
    await expect.poll(() => outlineArticles(pageB), WAIT).toContain('Article 7 Obligations');

    // clicking an entry takes the caret there: typing edits that heading
    await outlineEntry(pageA, 'Article 6 Depositary').click();
    await pageA.keyboard.type(' and notifications');
    await expect.poll(() => articles(pageB), WAIT).toContain('Article 6 — Depositary and notifications');
    await expect.poll(() => pageA.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
    await shot(pageA, '02-outline-reordered');
    await shot(pageB, '03-second-browser');
  });

  it('an observer sees the structure and numbers, read-only', async () => {
    expect(documentPath).not.toBe('');
    const page = await newPage();
    await signIn(page, olu, documentPath);
    await page.getByTestId('readonly-note').waitFor();
    await expect.poll(() => outlineArticles(page), WAIT).toHaveLength(7);
    expect(await articles(page)).toContain('Article 1 — Community paralegals');
    expect((await outlineArticles(page))[0]).toBe('Article 1 Community paralegals');
    // no reordering: nothing draggable, no move buttons, Alt+↑ does nothing
    expect(await outline(page).locator('[draggable="true"]').count()).toBe(0);
    expect(await outline(page).getByRole('button', { name: 'Move up' }).count()).toBe(0);
    await outlineEntry(page, 'Article 2 Purpose').click();
    await outlineEntry(page, 'Article 2 Purpose').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForTimeout(300);
    expect((await articles(page)).slice(0, 2)).toEqual([
      'Article 1 — Community paralegals',
      'Article 2 — Purpose',
    ]);
    // navigation works for everyone; no problems notice for a non-coordinator
    expect(await page.getByTestId('outline-problems').count()).toBe(0);
    await shot(page, '04-observer');
  });

  it('action fields: a drafter edits them, an observer reads them', async () => {
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Action plan on paralegals',
      kind: 'action_plan',
      language: 'en',
    });
    expect(created.status).toBe(201);
    const planPath = `/documents/${created.body.document.id}`;
    await addMember(ana.api, created.body.document.id, olu, 'observer');
    const page = await newPage();
    await signIn(page, ana, planPath);
    const first = page.locator('.ProseMirror section[data-type="action"]').first();
    await expect.poll(() => first.getAttribute('data-number-label'), WAIT).toBe('Action 1.1');
    await outlineEntry(page, 'Action 1.2 Action …').waitFor();
    await first.getByRole('button', { name: 'Edit details' }).click();
    await first.getByLabel('Lead organisation(s)').fill('Namati; Legal Aid Board');
    await first.getByLabel('Partners').fill('Ministry of Justice');
    await first.getByLabel('Start date').fill('2027-01-15');
    await first.getByLabel('End date').fill('2027-12-31');
    await first.getByLabel('Indicator').fill('Paralegals trained');
    await first.getByLabel('Status').selectOption('in_progress');
    await expect
      .poll(() => first.getByTestId('action-fields').locator('dl').innerText(), WAIT)
      .toContain('Namati, Legal Aid Board');
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), WAIT).toContain('Saved');
    await shot(page, '05-action-fields-editing');

    const observer = await newPage();
    await signIn(observer, olu, planPath);
    const seen = observer
      .locator('.ProseMirror section[data-type="action"]')
      .first()
      .getByTestId('action-fields');
    await expect.poll(() => seen.innerText(), WAIT).toContain('Namati, Legal Aid Board');
    const text = await seen.innerText();
    expect(text).toContain('Ministry of Justice');
    expect(text).toContain('15 Jan 2027 to 31 Dec 2027');
    expect(text).toContain('Paralegals trained');
    expect(text).toContain('In progress');
    expect(await seen.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(await seen.locator('input, select').count()).toBe(0);
    await shot(observer, '06-action-fields-observer');
  });

  it('coordinators see a notice when stored content does not fit the schema', async () => {
    const created = await ana.api.request('POST', '/api/documents', {
      title: 'Plan with a bad field',
      kind: 'action_plan',
      language: 'en',
    });
    const id = created.body.document.id as string;
    await addMember(ana.api, id, bea, 'drafter');
    // another client stores a status the schema does not know (the server keeps it and reports it)
    const provider = openProvider(e2e.server.wsUrl, ana.api.cookie, id);
    try {
      await whenSynced(provider);
      const firstAction = (element: Y.XmlElement | Y.XmlFragment): Y.XmlElement | null => {
        for (const child of element.toArray()) {
          if (!(child instanceof Y.XmlElement)) continue;
          if (child.nodeName === 'action') return child;
          const inner = firstAction(child);
          if (inner) return inner;
        }
        return null;
      };
      firstAction(provider.doc.getXmlFragment('default'))!.setAttribute('status', 'someday');
      await waitFor(async () => {
        const outline = await ana.api.request('GET', `/api/documents/${id}/outline`);
        return (outline.body.problems ?? []).length > 0;
      }, 'the server to report the problem');
    } finally {
      provider.destroy();
    }
    const page = await newPage();
    await signIn(page, ana, `/documents/${id}`);
    const notice = page.getByTestId('outline-problems');
    await expect
      .poll(() => notice.innerText(), WAIT)
      .toContain('1 part of the stored text does not fit the document structure');
    await shot(page, '09-problems-notice');
    // a drafter is not bothered with it
    const drafter = await newPage();
    await signIn(drafter, bea, `/documents/${id}`);
    await outlineEntry(drafter, 'Action 1.1 Action …').waitFor();
    await drafter.waitForTimeout(500);
    expect(await drafter.getByTestId('outline-problems').count()).toBe(0);
  });

  it('takes the language of an imported file from its text and says so', async () => {
    const page = await newPage();
    await signIn(page, bea);
    const importer = page.getByTestId('import');
    const markdown = [
      '# Accord sur l’accès à la justice',
      '',
      'Article premier — Objet',
      '',
      'Le présent Accord a pour objet de garantir l’accès à la justice des personnes en situation de vulnérabilité.',
      '',
      'Article 2 — Aide juridique',
      '',
      'Chaque Partie veille à ce que les personnes aient accès à une aide juridique gratuite et rend compte des mesures prises.',
    ].join('\n');
    await importer.getByLabel('Import a .docx or Markdown file').setInputFiles({
      name: 'accord.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    const preview = page.getByTestId('import-preview');
    const language = preview.getByLabel('Language of the text', { exact: true });
    await language.waitFor(WAIT);
    // the interface is in English; the document is French, and the preview says how it knows
    expect(await language.inputValue()).toBe('fr');
    expect(await language.evaluate((select) => select.getAttribute('aria-describedby'))).toBeTruthy();
    await preview.getByText('Detected from the text: French. Change it if that is wrong.').waitFor();
    await preview.getByRole('button', { name: 'Cancel' }).click();
  });

  it('imports a Markdown file through the preview', async () => {
    const page = await newPage();
    await signIn(page, bea);
    const importer = page.getByTestId('import');
    await importer.getByText('Import a .docx or Markdown file').waitFor();
    await shot(page, '07a-new-document-import');

    // a file that is not Word or Markdown gets a clear error
    await importer.getByLabel('Import a .docx or Markdown file').setInputFiles({
      name: 'minutes.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await importer
      .getByRole('alert')
      .getByText('This file could not be read. Choose a Word (.docx) or Markdown file.')
      .waitFor();
    await shot(page, '07b-import-bad-file');

    const markdown = [
      '# Agreement on legal empowerment',
      '',
      'The Parties,',
      '',
      '## Chapter I — General provisions',
      '',
      'Article 1 — Purpose',
      '',
      'The purpose of this Agreement is to promote legal empowerment.',
      '',
      'Article 2 — Definitions',
      '',
      '1. "Paralegal" means a trained community member;',
      '2. "Party" means a State that has consented to be bound.',
      '',
      'Article 3 — Legal aid',
      '',
      'Each Party shall provide legal aid, including:',
      '',
      'a) advice;',
      'b) representation.',
      '',
      '## Chapter II — Final provisions',
      '',
      'Article 4 — Entry into force',
      '',
      'This Agreement shall enter into force on the thirtieth day.',
      '',
      'Article 5 — Depositary',
      '',
      'The Secretary-General shall be the Depositary.',
    ].join('\n');
    await importer.getByLabel('Import a .docx or Markdown file').setInputFiles({
      name: 'legal-empowerment.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByRole('heading', { name: 'Preview of legal-empowerment.md' }).waitFor();
    expect(await importer.getByRole('alert').count()).toBe(0);
    expect(await preview.getByLabel('Title of the new document').inputValue()).toBe(
      'Agreement on legal empowerment',
    );
    const counts = await preview.getByTestId('import-counts').innerText();
    expect(counts.replace(/\s+/g, ' ')).toContain('Articles 5');
    expect(counts.replace(/\s+/g, ' ')).toContain('Chapters 2');
    const outlineText = await preview
      .getByTestId('import-outline')
      .locator('li')
      .evaluateAll((items) => items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(outlineText).toEqual([
      'Chapter I General provisions',
      'Article 1 Purpose',
      'Article 2 Definitions',
      'Article 3 Legal aid',
      'Chapter II Final provisions',
      'Article 4 Entry into force',
      'Article 5 Depositary',
    ]);
    await shot(page, '07-import-preview', true);

    // cancel leaves nothing behind; the same file again, then create
    await preview.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await importer.getByLabel('Import a .docx or Markdown file').setInputFiles({
      name: 'legal-empowerment.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown),
    });
    await preview.getByLabel('Title of the new document').fill('Legal empowerment (imported)');
    await preview.getByRole('button', { name: 'Create document' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f]{24}$/);
    await page
      .locator('.doc-page__header')
      .getByRole('heading', { name: 'Legal empowerment (imported)', level: 1 })
      .waitFor();
    await expect
      .poll(() => articles(page), WAIT)
      .toEqual([
        'Article 1 — Purpose',
        'Article 2 — Definitions',
        'Article 3 — Legal aid',
        'Article 4 — Entry into force',
        'Article 5 — Depositary',
      ]);
    await expect.poll(() => outlineArticles(page), WAIT).toHaveLength(5);
    const paragraphs = await page.locator('.ProseMirror div[data-type="numbered-paragraph"]').count();
    expect(paragraphs).toBe(2);
    await shot(page, '08-imported-document');
  });
});
