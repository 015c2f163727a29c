import type { DispositionReportFormat } from '@accord/shared';
import type { DispositionReport } from './DispositionReport.js';
import { renderDispositionsCsv } from './renderDispositionsCsv.js';
import { renderDispositionsDocx } from './renderDispositionsDocx.js';
import { renderDispositionsHtml } from './renderDispositionsHtml.js';

export interface ReportFormat {
  contentType: string;
  extension: string;
  render: (report: DispositionReport) => Buffer | Promise<Buffer>;
}

/** The formats of the disposition-of-comments report: media type, extension and renderer. */
export const DISPOSITION_REPORT_FORMATS: Readonly<Record<DispositionReportFormat, ReportFormat>> = {
  html: {
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    render: (report) => Buffer.from(renderDispositionsHtml(report), 'utf8'),
  },
  csv: {
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    render: (report) => Buffer.from(renderDispositionsCsv(report), 'utf8'),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: renderDispositionsDocx,
  },
};
