import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportInput } from './ExportInput.js';
import type { ExportBlock, ExportClause, ExportInline } from './ExportTree.js';
import { actionCells } from './actionCells.js';
import { clauseTitle } from './clauseTitle.js';
import { documentFacts } from './documentFacts.js';
import { dropForbiddenXmlChars } from './dropForbiddenXmlChars.js';
import { EXPORT_LABELS } from './exportLabels.js';
import { groupActionRuns } from './groupActionRuns.js';
import { headingLevel } from './headingLevel.js';
import { signoffSection } from './signoffSection.js';
import { rewriteZip } from './rewriteZip.js';
import { toExportTree } from './toExportTree.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
// A4 with 2 cm side margins, in twentieths of a point
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1247, bottom: 1247, left: 1134, right: 1134 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const INDENT = 567; // 1 cm per level of paragraphs and points
const COLUMNS = [0.28, 0.15, 0.15, 0.14, 0.15, 0.13].map((f) => Math.round(f * TEXT_WIDTH));

// Every string goes through here: docx escapes markup but not characters XML forbids.
const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ ...options, text: dropForbiddenXmlChars(text) });

function runs(inlines: ExportInline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.type === 'break') return new TextRun({ break: 1 });
    const textRun = run(inline.text, {
      // only marks that are set: docx writes `false` out as an explicit property
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
      ...(inline.href ? { style: 'Hyperlink' } : {}),
    });
    return inline.href ? new ExternalHyperlink({ link: inline.href, children: [textRun] }) : textRun;
  });
}

// docx names hyperlink relationships with random ids (nanoid): renumber them in order.
const RANDOM_RELATIONSHIP_ID = /rId([0-9a-z_-]{21})(?=")/g;

/**
 * The document as a Word file (docx): Title and Heading 1–3 styles for the title and the
 * clauses that open with a heading (chapters, articles, objectives, annexes), numbers and
 * headings as in the editor ("Article 1 — Purpose", "1.", "a)") with hanging indents, actions
 * as tables, a title page with version, date and hash, and "Page n of N" footers. The archive
 * is rewritten with fixed dates and relationship ids, so the same input gives the same bytes.
 */
export async function renderDocx(input: ExportInput): Promise<Buffer> {
  const { canonical } = input;
  const labels = EXPORT_LABELS[canonical.language];
  const tree = toExportTree(canonical);
  const children: (Paragraph | Table)[] = [];

  const cellParagraphs = (blocks: ExportBlock[]): Paragraph[] =>
    blocks.flatMap((b) =>
      b.type === 'paragraph'
        ? [new Paragraph({ children: runs(b.inlines) })]
        : [
            new Paragraph({ children: [run(clauseTitle(b.clause), { bold: true })] }),
            ...cellParagraphs(b.children),
          ],
    );
  const cell = (paragraphs: Paragraph[], column: number, header = false) =>
    new TableCell({
      width: { size: COLUMNS[column]!, type: WidthType.DXA },
      children: paragraphs.length ? paragraphs : [new Paragraph({})],
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } } : {}),
    });
  const textCell = (text: string, column: number) => cell([new Paragraph({ children: [run(text)] })], column);

  const actionsTable = (actions: ExportClause[]) => {
    const head = [labels.action, labels.lead, labels.partners, labels.dates, labels.indicator, labels.status];
    const header = new TableRow({
      tableHeader: true,
      children: head.map((h, i) => cell([new Paragraph({ children: [run(h, { bold: true })] })], i, true)),
    });
    const rows = actions.map((a) => {
      const c = actionCells(a.clause.fields, labels);
      const title = new Paragraph({ children: [run(clauseTitle(a.clause), { bold: true })] });
      return new TableRow({
        cantSplit: true,
        children: [
          cell([title, ...cellParagraphs(a.children)], 0),
          textCell(c.lead, 1),
          textCell(c.partners, 2),
          textCell(c.dates, 3),
          textCell(c.indicator, 4),
          textCell(c.status, 5),
        ],
      });
    });
    children.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: COLUMNS,
        rows: [header, ...rows],
      }),
      new Paragraph({}),
    );
  };

  const clause = (c: ExportClause, level: number) => {
    const heading = headingLevel(c.clause);
    if (heading !== null) {
      const centred = c.clause.kind === 'chapter' || c.clause.kind === 'annex';
      children.push(
        new Paragraph({
          heading: HEADINGS[heading - 1],
          ...(centred ? { alignment: AlignmentType.CENTER } : {}),
          children: [run(clauseTitle(c.clause))],
        }),
      );
      blocks(c.children, level);
      return;
    }
    if (c.clause.kind === 'recital') {
      blocks(c.children, level);
      return;
    }
    // numbered paragraph or point: the number hangs in the margin of its own level
    const indent = { left: INDENT * (level + 1), hanging: INDENT };
    const [first, ...rest] = c.children;
    const own = first?.type === 'paragraph' ? runs(first.inlines) : [];
    children.push(
      new Paragraph({
        indent,
        children: [run(c.clause.label), new TextRun({ children: [new Tab()] }), ...own],
      }),
    );
    blocks(first?.type === 'paragraph' ? rest : c.children, level + 1);
  };

  function blocks(list: ExportBlock[], level: number) {
    for (const run of groupActionRuns(list)) {
      if (run.type === 'actions') actionsTable(run.actions);
      else if (run.block.type === 'clause') clause(run.block, level);
      else
        children.push(
          new Paragraph({
            ...(level ? { indent: { left: INDENT * level } } : {}),
            children: runs(run.block.inlines),
          }),
        );
    }
  }

  // title page
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(tree.title)] }));
  for (const fact of documentFacts(input)) {
    children.push(
      new Paragraph({
        children: [
          run(`${fact.label}: `, { bold: true }),
          run(fact.value, fact.code ? { font: 'DejaVu Sans Mono' } : {}),
        ],
      }),
    );
  }
  children.push(new Paragraph({ children: [new PageBreak()] }));
  if (tree.preamble) blocks(tree.preamble, 0);
  blocks(tree.body, 0);
  const signoff = signoffSection(input);
  if (signoff) {
    children.push(new Paragraph({ heading: HEADINGS[0], children: [run(signoff.title)] }));
    if (signoff.none) children.push(new Paragraph({ children: [run(signoff.none)] }));
    for (const e of signoff.entries)
      children.push(new Paragraph({ indent: { left: INDENT }, children: [run(e.text)] }));
    if (signoff.override) children.push(new Paragraph({ children: [run(signoff.override)] }));
  }

  const footer = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        size: 18,
        children: labels.pageOf
          .split(/(\{n\}|\{total\})/)
          .filter(Boolean)
          .map((part) =>
            part === '{n}' ? PageNumber.CURRENT : part === '{total}' ? PageNumber.TOTAL_PAGES : part,
          ),
      }),
    ],
  });
  const document = new Document({
    creator: dropForbiddenXmlChars(input.authorOrganisation ?? 'Accord'),
    lastModifiedBy: 'Accord',
    title: dropForbiddenXmlChars(tree.title),
    subject: dropForbiddenXmlChars(input.version.label),
    description: `${labels.hash} ${input.version.hash}`,
    keywords: input.documentId,
    styles: { default: { document: { run: { language: { value: canonical.language } } } } },
    sections: [
      {
        properties: { titlePage: true, page: { size: PAGE, margin: MARGIN } },
        footers: {
          default: new Footer({ children: [footer] }),
          first: new Footer({ children: [new Paragraph({})] }),
        },
        children,
      },
    ],
  });

  const iso = `${input.version.date.toISOString().slice(0, 19)}Z`;
  const ids = new Map<string, string>();
  return rewriteZip(await Packer.toBuffer(document), input.version.date, (name, data) => {
    if (!/\.(xml|rels)$/.test(name)) return data;
    let xml = data.toString('utf8').replace(RANDOM_RELATIONSHIP_ID, (_m, random: string) => {
      if (!ids.has(random)) ids.set(random, `rIdLink${ids.size + 1}`);
      return ids.get(random)!;
    });
    // docx stamps the core properties with the time of export
    if (name === 'docProps/core.xml') {
      xml = xml.replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${iso}`);
    }
    return Buffer.from(xml, 'utf8');
  });
}
