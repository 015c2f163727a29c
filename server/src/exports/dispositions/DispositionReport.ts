import type { CommentDisposition, CommentStatus, DocumentLanguage } from '@accord/shared';
import type { ExportVersion } from '../ExportInput.js';

/** One comment of a thread as the report shows it. */
export interface ReportComment {
  author: string;
  organisation: string | null;
  /** ISO 3166-1 alpha-2 code of the organisation's country */
  countryCode: string | null;
  /** the country's name in the document's language */
  country: string | null;
  at: Date;
  /** null when the comment was deleted (its text never goes into a report) */
  text: string | null;
}

/** One thread: a row of the report. */
export interface DispositionRow {
  threadId: string;
  /** the clause in the report's version ("Article 3, 2."), or null when it was not in it */
  clauseThen: string | null;
  /** the clause in the live text, or null when it is no longer there */
  clauseNow: string | null;
  /** the text a range comment quoted; null for comments on a whole clause */
  quote: string | null;
  comment: ReportComment;
  status: CommentStatus;
  /** seen by the drafting team only (listed only for those who may see it) */
  teamOnly: boolean;
  replies: ReportComment[];
  disposition: { value: CommentDisposition; reason: string | null; by: string; at: Date } | null;
}

/**
 * The disposition-of-comments report of one version (or of the live text): every comment
 * thread its reader may see, in the order of the text, with what a coordinator decided.
 */
export interface DispositionReport {
  title: string;
  language: DocumentLanguage;
  documentId: string;
  version: ExportVersion;
  rows: DispositionRow[];
}
