import { importMarkdown, type ImportPreview, type ImportSummary } from '@accord/shared';
import { ImportInvalidFile } from '../errors/ImportInvalidFile.js';

/** ProseMirror JSON of a whole document. */
type JSONContent = ImportPreview['json'];

/** A policy document from an uploaded Markdown / plain-text file (UTF-8, with or without BOM). */
export function importMarkdownFile(file: Buffer): { json: JSONContent; summary: ImportSummary } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    throw new ImportInvalidFile('The file is not UTF-8 text; save it as UTF-8 Markdown or plain text.');
  }
  if (text.includes('\u0000')) throw new ImportInvalidFile('The file is binary, not Markdown or plain text.');
  if (!text.trim()) throw new ImportInvalidFile('The file is empty.');
  return importMarkdown(text);
}
