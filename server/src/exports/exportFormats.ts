import type { ExportInput } from './ExportInput.js';
import { renderAkomaNtoso } from './renderAkomaNtoso.js';
import { renderDocx } from './renderDocx.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';
import { renderPdf } from './renderPdf.js';

export interface ExportFormat {
  contentType: string;
  extension: string;
  render(input: ExportInput): Promise<Buffer>;
}

const utf8 = (render: (input: ExportInput) => string) => async (input: ExportInput) =>
  Buffer.from(render(input), 'utf8');

/** Every export format by id: media type, file extension and renderer. Add a format here. */
export const EXPORT_FORMATS = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', render: utf8(renderHtml) },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md', render: utf8(renderMarkdown) },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: renderDocx,
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', render: renderPdf },
  // the media type OASIS LegalDocML gives Akoma Ntoso documents
  akn: { contentType: 'application/akn+xml', extension: 'xml', render: utf8(renderAkomaNtoso) },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatId = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormatId[];
