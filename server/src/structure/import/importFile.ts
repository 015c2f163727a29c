import type { ImportPreview, ImportSummary } from '@accord/shared';
import { importDocx } from '../importDocx.js';
import { importMarkdownFile } from '../importMarkdownFile.js';

export type ImportFileFormat = 'docx' | 'markdown';

export interface ImportResult {
  json: ImportPreview['json'];
  summary: ImportSummary;
}

/** The document an uploaded file becomes (run in an import worker: see ImportWorkers). */
export function importFile(format: ImportFileFormat, file: Buffer): Promise<ImportResult> | ImportResult {
  return format === 'docx' ? importDocx(file) : importMarkdownFile(file);
}
