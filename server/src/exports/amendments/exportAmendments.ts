import type { DocumentLanguage } from '@accord/shared';
import type { ExportedFile } from '../exportDocument.js';
import type { AmendmentExportRow } from './AmendmentExportRow.js';
import { renderAmendmentsCsv } from './renderAmendmentsCsv.js';
import { renderAmendmentsDocx } from './renderAmendmentsDocx.js';
import { renderAmendmentsHtml } from './renderAmendmentsHtml.js';

/** The amendments list in one format, as a file to send. */
export async function exportAmendments(
  format: 'html' | 'docx' | 'csv',
  title: string,
  rows: readonly AmendmentExportRow[],
  language: DocumentLanguage,
): Promise<ExportedFile> {
  switch (format) {
    case 'html':
      return {
        body: Buffer.from(renderAmendmentsHtml(title, rows, language)),
        contentType: 'text/html; charset=utf-8',
        extension: 'html',
      };
    case 'csv':
      return {
        body: Buffer.from(renderAmendmentsCsv(rows, language)),
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
      };
    case 'docx':
      return {
        body: await renderAmendmentsDocx(title, rows, language),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
  }
}
