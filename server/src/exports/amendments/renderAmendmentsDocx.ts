import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { DiffPart, DocumentLanguage } from '@accord/shared';
import { dropForbiddenXmlChars } from '../dropForbiddenXmlChars.js';
import type { AmendmentExportRow } from './AmendmentExportRow.js';
import { NEGOTIATION_EXPORT_LABELS } from '../negotiation/negotiationExportLabels.js';
import { AMENDMENT_EXPORT_LABELS } from './amendmentExportLabels.js';

// A4 with 2 cm side margins, in twentieths of a point; two equal columns
const TEXT_WIDTH = 11906 - 2 * 1134;
const HALF = Math.floor(TEXT_WIDTH / 2);

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) =>
  new TextRun({ ...options, text: dropForbiddenXmlChars(text) });

/** A column's paragraphs: line breaks in the text start new paragraphs; changes in bold italics (deletions struck). */
function column(diff: readonly DiffPart[], side: 'before' | 'after'): Paragraph[] {
  const paragraphs: TextRun[][] = [[]];
  for (const part of diff) {
    if ((side === 'before' && part.added) || (side === 'after' && part.removed)) continue;
    const changed = part.added || part.removed;
    part.value.split('\n').forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (!piece) return;
      paragraphs[paragraphs.length - 1]!.push(
        run(
          piece,
          changed
            ? { bold: true, italics: true, ...(part.removed ? { strike: true } : {}) }
            : part.formatted && side === 'after'
              ? { underline: {} }
              : {},
        ),
      );
    });
  }
  return paragraphs.map((children) => new Paragraph({ children }));
}

const cell = (children: Paragraph[], header = false) =>
  new TableCell({
    width: { size: HALF, type: WidthType.DXA },
    children,
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } } : {}),
  });

const fact = (label: string, value: string) =>
  new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)] });

/** The amendments list as a Word document: per amendment its heading, the two-column table and the facts. */
export async function renderAmendmentsDocx(
  title: string,
  rows: readonly AmendmentExportRow[],
  language: DocumentLanguage,
): Promise<Buffer> {
  const l = AMENDMENT_EXPORT_LABELS[language];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(`${l.title} — ${title}`)] }),
    new Paragraph({ children: [run(l.legend, { italics: true })] }),
  ];
  for (const row of rows) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [run(`${l.amendmentNo} ${row.number} — ${row.clause} (${row.kind})`)],
      }),
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [HALF, HALF],
        rows: [
          new TableRow({
            tableHeader: true,
            children: [
              cell([new Paragraph({ children: [run(l.textProposed, { bold: true })] })], true),
              cell([new Paragraph({ children: [run(l.amendment, { bold: true })] })], true),
            ],
          }),
          new TableRow({ children: [cell(column(row.diff, 'before')), cell(column(row.diff, 'after'))] }),
        ],
      }),
      fact(l.tabledBy, row.tabledBy),
      ...(row.cosponsors.length > 0 ? [fact(l.cosponsors, row.cosponsors.join('; '))] : []),
      fact(l.justification, row.justification),
      fact(l.state, row.state),
      ...(row.clauseStatus ? [fact(NEGOTIATION_EXPORT_LABELS[language].clauseStatus, row.clauseStatus)] : []),
      ...(row.decision ? [fact(l.decision, row.decision)] : []),
    );
  }
  const document = new Document({
    creator: 'Accord',
    title: dropForbiddenXmlChars(`${l.title} — ${title}`),
    sections: [
      {
        properties: { page: { margin: { top: 1247, bottom: 1247, left: 1134, right: 1134 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
