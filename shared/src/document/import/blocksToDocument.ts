import type { JSONContent } from '@tiptap/core';
import { ACTION_STATUSES } from '../actionStatuses.js';
import { NODE } from '../nodeNames.js';
import { buildNodes as b } from '../templates/buildNodes.js';
import { detectStructureLine } from './detectStructureLine.js';
import type { ImportBlock } from './ImportBlock.js';
import type { ImportSummary } from './ImportSummary.js';
import { parseInlineMarkdown } from './parseInlineMarkdown.js';

const ROMAN_POINT = /^\(?(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)]$/;
const LETTER_POINT = /^\(?[a-z]{1,2}[.)]$|^\([a-z]{1,2}\)$/;
const NUMBER = /^\(?\d{1,3}[.)]$|^\(\d{1,3}\)$/;
const CLOSING =
  /^(done at|in witness whereof|hecho en|en fe de lo cual|feito em|em fé do que|fait à|en foi de quoi)\b/iu;
const FIELD = /^(lead(?: organi[sz]ations?)?|partners?|timeline|start|end|indicator|status)\s*:\s*(.*)$/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;

export interface ImportOptions {
  /**
   * Import a piece to insert into an existing document (pasting): no title and no preamble
   * detection; text before the first structure line stays plain paragraphs.
   */
  fragment?: boolean;
}

const inline = (text: string) => parseInlineMarkdown(text);
const plain = (text: string) => text.replace(/[*_`]/g, '').trim();
// A short line without final punctuation reads as a heading ("Article 1" ↵ "Purpose").
const looksLikeHeading = (text: string) =>
  text.length <= 120 && !/[.;:,]$/.test(text.trim()) && text.trim().split(/\s+/).length <= 14;

/**
 * Builds a policy document from ImportBlocks: "Chapter II"/"Capítulo II" lines become chapters,
 * "Article 5 — Title"/"Artículo 5. Título"/"Artigo 5" lines articles (their heading on the same
 * line or the next short line), numbered list items numbered paragraphs, lettered / roman /
 * bulleted / indented items points and sub-points, "Objective n"/"Action n.m" lines objectives
 * and actions (with "Lead:", "Partners:", "Timeline:", "Indicator:", "Status:" lines as fields).
 * Text before the first chapter or article forms the preamble (recitals; the opening and
 * "agreed as follows:" lines stay plain); other text becomes plain paragraphs. Plain headings
 * become chapters when the text also has "Article" lines, otherwise articles.
 * Source numbers are dropped (numbers are computed) but compared, and gaps are reported.
 */
export function blocksToDocument(
  blocks: readonly ImportBlock[],
  options: ImportOptions = {},
): { json: JSONContent; summary: Omit<ImportSummary, 'problems'> } {
  const inPreambleZone = () => !options.fragment && !container && !chapter && body.length === 0;
  const counts = {
    recitals: 0,
    chapters: 0,
    articles: 0,
    paragraphs: 0,
    points: 0,
    objectives: 0,
    actions: 0,
    annexes: 0,
  };
  const warnings: string[] = [];
  const body: JSONContent[] = [];
  const preamble: { text: string; listed?: boolean }[] = [];
  let lastTopMarker = '';
  let pointIndents: number[] = [];
  let title: string | null = null;
  let chapter: JSONContent | null = null;
  let container: JSONContent | null = null; // article, annex, objective or action receiving text
  let numbered: JSONContent | null = null;
  let points: JSONContent[] = [];
  let objective: JSONContent | null = null;
  let awaitingHeading: JSONContent | null = null; // clause opened by a line without a heading
  const hasArticleLines = blocks.some(
    (bl) => bl.kind !== 'listItem' && detectStructureLine(bl.text)?.kind === 'article',
  );
  let articleSourceNumber = 0;

  const push = (node: JSONContent) => (chapter ?? { content: body }).content!.push(node);
  const resetLists = () => {
    numbered = null;
    points = [];
    pointIndents = [];
  };
  const setHeading = (node: JSONContent, text: string) => {
    const heading = b.heading(plain(text));
    if (node.content?.[0]?.type === NODE.clauseHeading) node.content[0] = heading;
    else node.content = [heading, ...(node.content ?? [])];
  };
  const open = (
    kind: 'chapter' | 'article' | 'annex' | 'objective' | 'action',
    heading: string,
    sourceNumber = '',
  ) => {
    resetLists();
    awaitingHeading = null;
    let node: JSONContent;
    switch (kind) {
      case 'chapter':
        node = b.chapter(plain(heading), []);
        body.push(node);
        chapter = node;
        container = null;
        objective = null;
        counts.chapters++;
        break;
      case 'article': {
        node = b.article(heading ? plain(heading) : null, []);
        push(node);
        container = node;
        counts.articles++;
        const n =
          parseInt(sourceNumber, 10) ||
          (/^(1er|premier|primero|primeiro|único|unique|sole)$/i.test(sourceNumber) ? 1 : NaN);
        if (!Number.isNaN(n) && n !== articleSourceNumber + 1 && warnings.length < 20) {
          warnings.push(
            `Article ${sourceNumber} follows article ${articleSourceNumber} in the source; it is now article ${counts.articles}.`,
          );
        }
        if (!Number.isNaN(n)) articleSourceNumber = n;
        break;
      }
      case 'annex':
        node = b.annex(plain(heading), []);
        body.push(node);
        chapter = null;
        container = node;
        counts.annexes++;
        break;
      case 'objective':
        node = b.objective(plain(heading), []);
        body.push(node);
        chapter = null;
        objective = node;
        container = node;
        counts.objectives++;
        break;
      case 'action':
        if (!objective) open('objective', '');
        node = b.action(plain(heading));
        objective!.content!.push(node);
        container = node;
        counts.actions++;
        break;
    }
    if (!heading) awaitingHeading = node;
  };

  const addText = (text: string) => {
    if (awaitingHeading && looksLikeHeading(text)) {
      setHeading(awaitingHeading, text);
      awaitingHeading = null;
      return;
    }
    awaitingHeading = null;
    resetLists();
    if (container?.type === NODE.action) {
      const field = FIELD.exec(plain(text));
      if (field) return setActionField(container, field[1]!.toLowerCase(), field[2]!.trim());
    }
    if (CLOSING.test(plain(text))) {
      chapter = null;
      container = null;
      body.push(b.paragraph('', inline(text)));
      return;
    }
    if (inPreambleZone()) {
      preamble.push({ text });
      return;
    }
    if (container?.type === NODE.objective) {
      container.content!.push(b.paragraph('', inline(text)));
      return;
    }
    (container ?? chapter ?? { content: body }).content!.push(b.paragraph('', inline(text)));
  };

  const addListItem = (item: Extract<ImportBlock, { kind: 'listItem' }>) => {
    awaitingHeading = null;
    const marker = item.marker.trim();
    const target = container?.type === NODE.article || container?.type === NODE.annex ? container : null;
    if (!target) {
      // outside articles a list item is a recital (preamble) or plain text
      if (inPreambleZone()) preamble.push({ text: item.text, listed: true });
      else addText(item.text);
      return;
    }
    if (NUMBER.test(marker) && item.indent < 2) {
      numbered = b.numberedParagraph('', [], inline(item.text));
      target.content!.push(numbered);
      points = [];
      pointIndents = [];
      lastTopMarker = '';
      counts.paragraphs++;
      return;
    }
    // nesting follows indentation relative to the enclosing items, as Markdown lists do
    while (pointIndents.length > 0 && pointIndents[pointIndents.length - 1]! > item.indent)
      pointIndents.pop();
    if (pointIndents[pointIndents.length - 1] !== item.indent) pointIndents.push(item.indent);
    let level = pointIndents.length;
    // "i)" after "h)" is the ninth letter; other roman markers after letters are sub-points,
    // also when the source did not indent them (text pasted from a word processor)
    const bare = marker.replace(/[().]/g, '');
    const ninthLetter = bare === 'i' && lastTopMarker === 'h';
    if (level === 1 && points.length > 0 && ROMAN_POINT.test(marker) && !ninthLetter) {
      pointIndents.push(item.indent + 0.5);
      level = 2;
    }
    level = Math.max(1, Math.min(level, points.length + 1));
    pointIndents.length = Math.min(pointIndents.length, level);
    if (level === 1) lastTopMarker = LETTER_POINT.test(marker) ? bare : '';
    const point = b.point('', [], inline(item.text));
    const parent = level === 1 ? (numbered ?? target) : points[level - 2]!;
    parent.content!.push(point);
    points = [...points.slice(0, level - 1), point];
    counts.points++;
  };

  for (const block of blocks) {
    if (block.kind === 'listItem') {
      addListItem(block);
      continue;
    }
    const structure = detectStructureLine(block.text);
    if (block.kind === 'heading' && block.level === 1 && title === null && !structure && !options.fragment) {
      title = plain(block.text);
      continue;
    }
    if (structure?.kind === 'preamble') continue;
    if (structure) {
      open(structure.kind, structure.heading, structure.sourceNumber);
      continue;
    }
    if (block.kind === 'heading') {
      if (awaitingHeading) {
        setHeading(awaitingHeading, block.text);
        awaitingHeading = null;
      } else if (hasArticleLines) open('chapter', block.text);
      else open('article', block.text);
      continue;
    }
    if (title === null && body.length === 0 && preamble.length === 0 && !options.fragment) {
      title = plain(block.text);
      continue;
    }
    addText(block.text);
  }

  const content: JSONContent[] = [];
  if (preamble.length > 0) {
    content.push(
      b.preamble(
        preamble.map(({ text, listed }, i) => {
          // the opening ("The Parties …,") and closing ("Have agreed as follows:") formulas stay plain
          const formula = !listed && ((i === 0 && text.trim().endsWith(',')) || text.trim().endsWith(':'));
          if (formula) return b.paragraph('', inline(text));
          counts.recitals++;
          return b.recital('', inline(text));
        }),
      ),
    );
  }
  content.push(...body);
  const json = b.doc(title ?? '', content);
  fillEmptyArticles(json);
  if (title === null && !options.fragment) warnings.push('No title found; the document is untitled.');
  if (counts.articles === 0 && counts.objectives === 0)
    warnings.push('No articles or objectives were detected.');
  return { json, summary: { title: title ?? '', counts, warnings } };

  function setActionField(action: JSONContent, key: string, value: string): void {
    const attrs = (action.attrs ??= {});
    const list = value
      .split(/[;,]/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (key.startsWith('lead')) attrs.leadOrganisations = list;
    else if (key.startsWith('partner')) attrs.partners = list;
    else if (key === 'indicator') attrs.indicator = value;
    else if (key === 'status') {
      const status = value.toLowerCase().replace(/\s+/g, '_');
      if ((ACTION_STATUSES as readonly string[]).includes(status)) attrs.status = status;
      else warnings.push(`Unknown action status "${value}" ignored.`);
    } else {
      const dates = value.match(ISO_DATE) ?? [];
      if (key === 'timeline' || key === 'start') attrs.startDate = dates[0] ?? null;
      if (key === 'timeline') attrs.endDate = dates[1] ?? null;
      if (key === 'end') attrs.endDate = dates[0] ?? null;
    }
  }
}

// "Article 7" followed by nothing (a reserved or deleted article) still needs a body to be valid.
function fillEmptyArticles(node: JSONContent): void {
  if (node.type === NODE.article && !node.content?.some((c) => c.type !== NODE.clauseHeading)) {
    (node.content ??= []).push(b.paragraph());
  }
  node.content?.forEach(fillEmptyArticles);
}
