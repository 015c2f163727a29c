import type { ExportInput } from './ExportInput.js';
import { EXPORT_FORMATS, type ExportFormatId } from './exportFormats.js';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

/** Renders a document in one format (see EXPORT_FORMATS), ready to send or to hash and store. */
export async function exportDocument(format: ExportFormatId, input: ExportInput): Promise<ExportedFile> {
  const { render, contentType, extension } = EXPORT_FORMATS[format];
  return { body: await render(input), contentType, extension };
}
