import type { DispositionReportFormat } from '@accord/shared';
import type { ExportedFile } from '../exportDocument.js';
import type { DispositionReport } from './DispositionReport.js';
import { DISPOSITION_REPORT_FORMATS } from './dispositionReportFormats.js';

/** Renders the report in one format (see DISPOSITION_REPORT_FORMATS), ready to send. */
export async function renderDispositionReport(
  format: DispositionReportFormat,
  report: DispositionReport,
): Promise<ExportedFile> {
  const { render, contentType, extension } = DISPOSITION_REPORT_FORMATS[format];
  return { body: await render(report), contentType, extension };
}
