import PDFDocument from 'pdfkit';
import type { ExportInput } from './ExportInput.js';
import type { ExportBlock, ExportClause, ExportInline } from './ExportTree.js';
import { actionCells } from './actionCells.js';
import { clauseTitle } from './clauseTitle.js';
import { dejaVuFonts } from './dejaVuFonts.js';
import { documentFacts } from './documentFacts.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { groupActionRuns } from './groupActionRuns.js';
import { headingLevel } from './headingLevel.js';
import { signoffSection } from './signoffSection.js';
import { toExportTree } from './toExportTree.js';

type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
interface Segment {
  text: string;
  face: Face;
  href: string | null;
}

// A4 in points; margins about 2.2 cm
const MARGIN = { top: 62, bottom: 68, left: 62, right: 62 };
const WIDTH = 595.28 - MARGIN.left - MARGIN.right;
const SIZE = { body: 10.5, table: 8.5, footer: 8.5, title: 22 };
const STEP = 28; // indent per level; wide enough for "viii)" and "10."
const COLOR = { ink: '#1d2430', brand: '#1f4e79', line: '#c9ced6', head: '#eef2f7', soft: '#555555' };
const COLUMNS = [0.28, 0.15, 0.15, 0.14, 0.15, 0.13].map((f) => f * WIDTH);
const PAD = 4;

const faceOf = (bold: boolean, italic: boolean): Face =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';

/** A paragraph's runs, split into lines at hard breaks (pdfkit drops a newline ending a continued run). */
type Lines = Segment[][];

function lines(inlines: ExportInline[]): Lines {
  const out: Lines = [[]];
  for (const run of inlines) {
    if (run.type === 'break') out.push([]);
    else
      out[out.length - 1]!.push({
        text: run.text,
        face: faceOf(run.bold, run.italic),
        href: run.href,
      });
  }
  return out.some((line) => line.length) ? out : [];
}

/**
 * The document as PDF, laid out in-process with pdfkit: a title page (title, version, date,
 * hash, document id), the text with clause numbers and headings as in the editor, actions as
 * tables with a repeated header row, "Page n of N" footers, bookmarks for chapters, articles,
 * objectives and annexes, and the DejaVu Sans fonts embedded. pdfkit takes the document id and
 * dates from `info`, which come from the version here, so the same input gives the same bytes.
 */
export async function renderPdf(input: ExportInput): Promise<Buffer> {
  const { canonical, version } = input;
  const labels = EXPORT_LABELS[canonical.language];
  const tree = toExportTree(canonical);
  const fonts = dejaVuFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: canonical.language,
    displayTitle: true,
    info: {
      Title: tree.title,
      Author: input.authorOrganisation ?? 'Accord',
      Subject: version.label,
      Keywords: `${input.documentId} ${version.hash}`,
      Creator: 'Accord',
      Producer: 'Accord (PDFKit)',
      CreationDate: version.date,
      ModDate: version.date,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // Each face under its own name, and no `font` option above: when a face has the PostScript
  // name of a font already loaded, pdfkit parses it again on every doc.font() call (3 s instead
  // of 0.4 s for 200 articles).
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);

  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  /** Writes a paragraph starting at (x, y) in a column of `width`. */
  const write = (text: Lines, x: number, y: number, width: number, size: number) => {
    doc.fontSize(size);
    text.forEach((line, n) => {
      if (!line.length) {
        doc.y = (n ? doc.y : y) + doc.currentLineHeight(true);
        return;
      }
      line.forEach((s, i) => {
        doc.font(s.face).fillColor(s.href ? COLOR.brand : COLOR.ink);
        const options = {
          width,
          continued: i < line.length - 1,
          underline: !!s.href,
          ...(s.href ? { link: s.href } : {}),
        };
        if (i === 0) doc.text(s.text, x, n ? doc.y : y, options);
        else doc.text(s.text, options);
      });
    });
    doc.fillColor(COLOR.ink);
  };
  const paragraph = (text: Lines, level: number) => {
    if (!text.length) return;
    ensure(doc.fontSize(SIZE.body).currentLineHeight(true));
    write(text, MARGIN.left + STEP * level, doc.y, WIDTH - STEP * level, SIZE.body);
    doc.moveDown(0.45);
  };

  const cellHeight = (paragraphs: Lines[], width: number) => {
    doc.fontSize(SIZE.table);
    let height = 0;
    for (const line of paragraphs.flat()) {
      // measured in the widest face the line uses, so a row is never drawn too short
      doc.font(line.some((s) => s.face.startsWith('bold')) ? 'bold' : 'regular');
      height += line.length
        ? doc.heightOfString(line.map((s) => s.text).join(''), { width })
        : doc.currentLineHeight(true);
    }
    return height + 2 * paragraphs.length;
  };
  const rowHeight = (cells: Lines[][]) =>
    Math.max(...cells.map((c, i) => cellHeight(c, COLUMNS[i]! - 2 * PAD))) + 2 * PAD;
  const drawRow = (cells: Lines[][], header: boolean) => {
    const height = rowHeight(cells);
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((paragraphs, i) => {
      const w = COLUMNS[i]!;
      if (header) doc.rect(x, y, w, height).fill(COLOR.head);
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(COLOR.line).stroke();
      let cy = y + PAD;
      for (const text of paragraphs) {
        write(text, x + PAD, cy, w - 2 * PAD, SIZE.table);
        cy = doc.y + 2;
      }
      x += w;
    });
    doc.x = MARGIN.left;
    doc.y = y + height;
  };
  const plain = (text: string, face: Face = 'regular'): Lines[] =>
    text ? [[[{ text, face, href: null }]]] : [];
  const actionsTable = (actions: ExportClause[]) => {
    const head = [labels.action, labels.lead, labels.partners, labels.dates, labels.indicator, labels.status];
    const header = head.map((h) => plain(h, 'bold'));
    const description = (blocks: ExportBlock[]): Lines[] =>
      blocks.flatMap((b) =>
        b.type === 'paragraph'
          ? [lines(b.inlines)]
          : [...plain(clauseTitle(b.clause), 'bold'), ...description(b.children)],
      );
    const rows = actions.map((a) => {
      const c = actionCells(a.clause.fields, labels);
      return [
        [...plain(clauseTitle(a.clause), 'bold'), ...description(a.children)],
        plain(c.lead),
        plain(c.partners),
        plain(c.dates),
        plain(c.indicator),
        plain(c.status),
      ];
    });
    doc.moveDown(0.3);
    ensure(rowHeight(header) * 3);
    drawRow(header, true);
    for (const row of rows) {
      // a row that does not fit goes to the next page, under a repeated header
      if (doc.y + rowHeight(row) > bottom()) {
        doc.addPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.6);
  };

  let outlineTop: PDFKit.PDFOutline | null = null;
  const heading = (c: ExportClause, level: 1 | 2 | 3) => {
    const centred = c.clause.kind === 'chapter' || c.clause.kind === 'annex';
    const title = c.clause.heading?.trim();
    doc.moveDown(level === 1 ? 0.9 : 0.6);
    ensure(SIZE.body * 6);
    const align = centred ? 'center' : 'left';
    doc
      .font('bold')
      .fontSize(level === 1 ? 12 : 11)
      .fillColor(COLOR.brand);
    doc.text(c.clause.label, MARGIN.left, doc.y, { width: WIDTH, align });
    if (title) doc.fillColor(COLOR.ink).text(title, MARGIN.left, doc.y, { width: WIDTH, align });
    doc.fillColor(COLOR.ink).moveDown(0.35);
    if (level === 1 || !outlineTop) outlineTop = doc.outline.addItem(clauseTitle(c.clause));
    else outlineTop.addItem(clauseTitle(c.clause));
  };

  const clause = (c: ExportClause, level: number) => {
    const hl = headingLevel(c.clause);
    if (hl !== null) {
      heading(c, hl);
      blocks(c.children, level);
      return;
    }
    if (c.clause.kind === 'recital') {
      blocks(c.children, level);
      return;
    }
    // numbered paragraph or point: the number hangs left of its text
    const [first, ...rest] = c.children;
    doc.font('regular').fontSize(SIZE.body);
    ensure(doc.currentLineHeight(true) * 2);
    const x = MARGIN.left + STEP * level;
    const y = doc.y;
    doc.fillColor(COLOR.ink).text(c.clause.label, x, y, { width: STEP, lineBreak: false });
    const own = first?.type === 'paragraph' ? lines(first.inlines) : [];
    if (own.length) write(own, x + STEP, y, WIDTH - STEP * (level + 1), SIZE.body);
    else doc.y = y + doc.currentLineHeight(true);
    doc.moveDown(0.45);
    blocks(first?.type === 'paragraph' ? rest : c.children, level + 1);
  };

  function blocks(list: ExportBlock[], level: number) {
    for (const run of groupActionRuns(list)) {
      if (run.type === 'actions') actionsTable(run.actions);
      else if (run.block.type === 'clause') clause(run.block, level);
      else paragraph(lines(run.block.inlines), level);
    }
  }

  // title page
  doc.y = 190;
  doc
    .font('bold')
    .fontSize(SIZE.title)
    .fillColor(COLOR.ink)
    .text(tree.title, MARGIN.left, doc.y, { width: WIDTH });
  doc.moveDown(1.2);
  for (const fact of documentFacts(input)) {
    write(
      [
        [
          { text: `${fact.label}: `, face: 'bold', href: null },
          { text: fact.value, face: 'regular', href: null },
        ],
      ],
      MARGIN.left,
      doc.y,
      WIDTH,
      fact.code ? 9 : SIZE.body,
    );
    doc.moveDown(0.3);
  }
  doc.addPage();
  if (tree.preamble) blocks(tree.preamble, 0);
  blocks(tree.body, 0);
  const signoff = signoffSection(input);
  if (signoff) {
    doc.moveDown(0.9);
    ensure(SIZE.body * 6);
    doc
      .font('bold')
      .fontSize(12)
      .fillColor(COLOR.brand)
      .text(signoff.title, MARGIN.left, doc.y, { width: WIDTH });
    doc.fillColor(COLOR.ink).moveDown(0.35);
    doc.outline.addItem(signoff.title);
    const lines = [signoff.none, ...signoff.entries.map((e) => e.text), signoff.override];
    for (const line of lines) if (line) paragraph([[{ text: line, face: 'regular', href: null }]], 0);
  }

  // footers, once the number of pages is known (the title page counts, but shows none)
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    const footer = labels.pageOf.replace('{n}', String(i + 1)).replace('{total}', String(range.count));
    doc
      .font('regular')
      .fontSize(SIZE.footer)
      .fillColor(COLOR.soft)
      .text(footer, MARGIN.left, doc.page.height - 40, { width: WIDTH, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return finished;
}
