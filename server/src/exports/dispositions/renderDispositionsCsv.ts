import type { DispositionReport } from './DispositionReport.js';
import { reportText } from './reportText.js';

/** Spreadsheet programs read a UTF-8 file as UTF-8 (accented names intact) only after this mark. */
const BOM = '\uFEFF';

/**
 * The report as CSV (RFC 4180): UTF-8 with a byte-order mark, comma-separated, CRLF between
 * records, a header row, then one record per thread with its replies joined in one cell. Dates
 * are ISO (YYYY-MM-DD), so they sort and read the same in every country.
 */
export function renderDispositionsCsv(report: DispositionReport): string {
  const text = reportText(report);
  const { labels } = text;
  const header = [
    labels.number,
    labels.clauseThen,
    labels.clauseNow,
    labels.quote,
    labels.comment,
    labels.author,
    labels.organisation,
    labels.country,
    labels.date,
    labels.status,
    labels.replies,
    labels.disposition,
    labels.reason,
    labels.recordedBy,
  ];
  const records = report.rows.map((row, i) => {
    const clause = text.clause(row);
    return [
      String(i + 1),
      clause.inVersion,
      clause.now,
      row.quote ?? '',
      text.comment(row.comment),
      row.comment.author,
      row.comment.organisation ?? '',
      row.comment.country ?? '',
      isoDate(row.comment.at),
      text.status(row),
      row.replies.map((reply) => `${text.byline(reply)}: ${text.comment(reply)}`).join('\n\n'),
      text.disposition(row),
      row.disposition?.reason ?? '',
      row.disposition ? `${row.disposition.by} (${isoDate(row.disposition.at)})` : '',
    ];
  });
  return BOM + [header, ...records].map((record) => record.map(csvField).join(',') + '\r\n').join('');
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * One field: quoted when it holds a comma, a quote or a line break (quotes doubled). Text that a
 * spreadsheet would run as a formula (=, +, @, a minus before a non-space, tab, CR) gets a
 * leading apostrophe, as OWASP advises for CSV that people open in spreadsheets: comments are
 * anyone's text.
 */
function csvField(value: string): string {
  const safe = /^(?:[=+@\t\r]|-(?!\s|$))/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
