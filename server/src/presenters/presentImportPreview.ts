import type { ImportPreview, ImportSummary } from '@accord/shared';

/** ProseMirror JSON of a whole document. */
type JSONContent = ImportPreview['json'];

/** What an import detected, shown before the document is created from `json`. */
export function presentImportPreview(
  result: { json: JSONContent; summary: ImportSummary },
  format: 'docx' | 'markdown',
): ImportPreview {
  return { json: result.json, summary: { ...result.summary, format } };
}
