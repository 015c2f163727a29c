import { importBlocks, type ImportPreview, type ImportSummary } from '@accord/shared';
import { ImportInvalidFile } from '../errors/ImportInvalidFile.js';
import { mammothHtmlToBlocks } from './docx/mammothHtmlToBlocks.js';

/** ProseMirror JSON of a whole document. */
type JSONContent = ImportPreview['json'];

// Word's "Title" style is the document title (the first level-1 heading becomes it)
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/**
 * A policy document from a .docx file: mammoth turns it into HTML, which becomes the shared
 * importer's blocks (mammothHtmlToBlocks) and a document (importBlocks: "Article 5" lines and
 * headings → articles, "Chapter II" → chapters, numbered lists → paragraphs, lettered / nested
 * lists → points). Seconds of CPU and hundreds of MiB for a large file: call it only on a file
 * checkDocxArchive accepted, and only in an import worker (ImportWorkers), never on the main thread.
 */
export async function importDocx(file: Buffer): Promise<{ json: JSONContent; summary: ImportSummary }> {
  // loaded on the first import, not at start-up: most servers seldom import, and mammoth (with
  // its zip and XML libraries) adds ~10 MiB to the process
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: file },
      {
        styleMap: STYLE_MAP,
        // images are never read (nor decompressed): the schema has no images
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw new ImportInvalidFile('The .docx file could not be read; it may be damaged.');
  }
  const { blocks, skipped } = mammothHtmlToBlocks(html);
  if (blocks.length === 0) throw new ImportInvalidFile('The document has no text.');
  const { json, summary } = importBlocks(blocks);
  const warnings = [...summary.warnings];
  if (skipped.images > 0) warnings.push(`${skipped.images} image(s) were left out.`);
  if (skipped.footnotes > 0) warnings.push('Footnotes and endnotes were left out.');
  if (skipped.tables > 0) warnings.push(`${skipped.tables} table(s) were imported as plain paragraphs.`);
  return { json, summary: { ...summary, warnings } };
}
