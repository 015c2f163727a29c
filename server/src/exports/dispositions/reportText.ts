import { EXPORT_LABELS } from '../exportLabels.js';
import type { DispositionReport, DispositionRow, ReportComment } from './DispositionReport.js';
import { DISPOSITION_LABELS, type DispositionLabels } from './dispositionLabels.js';

export interface ReportText {
  labels: DispositionLabels & {
    version: string;
    date: string;
    hash: string;
    document: string;
    /** "Clause (Version 2)" */
    clauseThen: string;
  };
  /** "Name (Organisation, Country)" */
  byline: (comment: ReportComment) => string;
  /** a comment's text, or the word for a deleted one */
  comment: (comment: ReportComment) => string;
  /** "Open", "Resolved · drafting team only" */
  status: (row: DispositionRow) => string;
  /** "Not accepted", "Pending" */
  disposition: (row: DispositionRow) => string;
  /** where the clause stood in the report's version and where it stands now */
  clause: (row: DispositionRow) => { inVersion: string; now: string };
  /** "12 comment threads: Accepted 4 · Not accepted 2 · Pending 6" */
  summary: () => string;
}

/** The words and cell texts that every format of the report shares, in the report's language. */
export function reportText(report: DispositionReport): ReportText {
  const general = EXPORT_LABELS[report.language];
  const own = DISPOSITION_LABELS[report.language];
  const labels = {
    ...own,
    version: general.version,
    date: general.date,
    hash: general.hash,
    document: general.document,
    clauseThen: own.clauseIn.replace('{version}', report.version.label),
  };
  const disposition = (row: DispositionRow) =>
    row.disposition ? labels.dispositions[row.disposition.value] : labels.pending;
  return {
    labels,
    byline: (c) => {
      const where = [c.organisation, c.country].filter(Boolean).join(', ');
      return where ? `${c.author} (${where})` : c.author;
    },
    comment: (c) => c.text ?? labels.deleted,
    status: (row) => {
      const status = labels.statuses[row.status];
      return row.teamOnly ? `${status} · ${labels.teamOnly}` : status;
    },
    disposition,
    clause: (row) => ({
      inVersion: row.clauseThen ?? `(${labels.notInVersion})`,
      now: row.clauseNow ?? `(${labels.removed})`,
    }),
    summary: () => {
      const counts = new Map<string, number>();
      for (const row of report.rows) counts.set(disposition(row), (counts.get(disposition(row)) ?? 0) + 1);
      const parts = [...Object.values(labels.dispositions), labels.pending]
        .filter((text) => counts.has(text))
        .map((text) => `${text} ${counts.get(text)}`);
      const total = labels.threads.replace('{n}', String(report.rows.length));
      return parts.length ? `${total}: ${parts.join(' · ')}` : total;
    },
  };
}

/** The columns of the printed report (HTML and Word); the CSV has more (organisation, country …). */
export function printedColumns(labels: ReportText['labels']): string[] {
  return [
    labels.number,
    labels.clauseThen,
    labels.clauseNow,
    labels.quote,
    labels.comment,
    labels.author,
    labels.status,
    labels.replies,
    labels.disposition,
  ];
}
