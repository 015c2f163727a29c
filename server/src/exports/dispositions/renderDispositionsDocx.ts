import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { dropForbiddenXmlChars } from '../dropForbiddenXmlChars.js';
import { formatExportDate } from '../formatExportDate.js';
import { rewriteZip } from '../rewriteZip.js';
import type { DispositionReport, ReportComment } from './DispositionReport.js';
import { printedColumns, reportText } from './reportText.js';

// A4 landscape with 1.5 cm margins, in twentieths of a point
const PAGE = { width: 16838, height: 11906, orientation: PageOrientation.LANDSCAPE };
const MARGIN = { top: 850, bottom: 850, left: 850, right: 850 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
// No., clause then, clause now, quote, comment, author, status, replies, disposition
const COLUMNS = [0.04, 0.09, 0.09, 0.12, 0.17, 0.1, 0.07, 0.16, 0.16].map((f) => Math.round(f * TEXT_WIDTH));
const SMALL = 16; // half-points: 8 pt for bylines
const TEXT = 18; // 9 pt in the table

// every string goes through here: docx escapes markup but not characters XML forbids
const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ size: TEXT, ...options, text: dropForbiddenXmlChars(text) });

/** Text with line breaks as one paragraph per line. */
const lines = (value: string, options: Omit<IRunOptions, 'text'> = {}) =>
  value.split('\n').map((line) => new Paragraph({ children: [run(line, options)] }));

/**
 * The report as a Word file: title, version, date and hash, a summary, then one table (header row
 * repeated on every page) with a row per thread, on A4 landscape. Re-packed with the version's
 * date like the document exports, so a version's report gives the same bytes while its comments
 * and dispositions stay the same.
 */
export async function renderDispositionsDocx(report: DispositionReport): Promise<Buffer> {
  const text = reportText(report);
  const { labels } = text;
  const date = (d: Date) => formatExportDate(d, report.language);
  const comment = (c: ReportComment) => [
    ...lines(text.comment(c)),
    new Paragraph({ children: [run(`${text.byline(c)} · ${date(c.at)}`, { size: SMALL, italics: true })] }),
  ];
  const cell = (children: Paragraph[], column: number, header = false) =>
    new TableCell({
      width: { size: COLUMNS[column]!, type: WidthType.DXA },
      children: children.length ? children : [new Paragraph({})],
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } } : {}),
    });

  const head = printedColumns(labels);
  const header = new TableRow({
    tableHeader: true,
    children: head.map((h, i) => cell([new Paragraph({ children: [run(h, { bold: true })] })], i, true)),
  });
  const rows = report.rows.map((row, i) => {
    const clause = text.clause(row);
    const author = [row.comment.author, row.comment.organisation, row.comment.country].filter(
      (v): v is string => !!v,
    );
    const decision = [
      new Paragraph({ children: [run(text.disposition(row), { bold: true })] }),
      ...(row.disposition?.reason ? lines(row.disposition.reason) : []),
      ...(row.disposition
        ? [
            new Paragraph({
              children: [
                run(`${labels.recordedBy}: ${row.disposition.by} · ${date(row.disposition.at)}`, {
                  size: SMALL,
                  italics: true,
                }),
              ],
            }),
          ]
        : []),
    ];
    return new TableRow({
      children: [
        cell(lines(String(i + 1)), 0),
        cell(lines(clause.inVersion), 1),
        cell(lines(clause.now), 2),
        cell(row.quote ? lines(row.quote, { italics: true }) : [], 3),
        cell(comment(row.comment), 4),
        cell(
          author.map((line) => new Paragraph({ children: [run(line)] })),
          5,
        ),
        cell(lines(text.status(row)), 6),
        cell(row.replies.flatMap(comment), 7),
        cell(decision, 8),
      ],
    });
  });

  const fact = (label: string, value: string, mono = false) =>
    new Paragraph({
      children: [
        run(`${label}: `, { bold: true, size: 20 }),
        run(value, { size: 20, ...(mono ? { font: 'DejaVu Sans Mono' } : {}) }),
      ],
    });
  const document = new Document({
    creator: 'Accord',
    lastModifiedBy: 'Accord',
    title: dropForbiddenXmlChars(`${labels.title} — ${report.title}`),
    subject: dropForbiddenXmlChars(report.version.label),
    keywords: report.documentId,
    styles: { default: { document: { run: { language: { value: report.language } } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(labels.title)] }),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun(dropForbiddenXmlChars(report.title))],
          }),
          fact(labels.version, report.version.label),
          fact(labels.date, date(report.version.date)),
          fact(labels.hash, report.version.hash, true),
          fact(labels.document, report.documentId, true),
          new Paragraph({ children: [run(text.summary(), { size: 20 })] }),
          new Paragraph({}),
          new Table({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            columnWidths: COLUMNS,
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  });

  const iso = `${report.version.date.toISOString().slice(0, 19)}Z`;
  return rewriteZip(await Packer.toBuffer(document), report.version.date, (name, data) => {
    // docx stamps the core properties with the time of export
    if (name !== 'docProps/core.xml') return data;
    const xml = data.toString('utf8').replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*/g, `$1${iso}`);
    return Buffer.from(xml, 'utf8');
  });
}
