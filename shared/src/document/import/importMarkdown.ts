import type { JSONContent } from '@tiptap/core';
import { importBlocks } from './importBlocks.js';
import type { ImportSummary } from './ImportSummary.js';
import { parseMarkdownBlocks } from './parseMarkdownBlocks.js';

/**
 * A policy document from Markdown (or plain text): `# Title`, "Article 5 — Title" lines,
 * numbered and lettered lists … (see importBlocks for the rules). Pure: no DOM, no I/O, so the
 * server can preview an upload and the client can reuse it for pasted text.
 */
export function importMarkdown(text: string): { json: JSONContent; summary: ImportSummary } {
  return importBlocks(parseMarkdownBlocks(text));
}
