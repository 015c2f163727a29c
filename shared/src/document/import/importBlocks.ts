import type { JSONContent } from '@tiptap/core';
import { validateDocument } from '../render/validateDocument.js';
import { blocksToDocument, type ImportOptions } from './blocksToDocument.js';
import type { ImportBlock } from './ImportBlock.js';
import type { ImportSummary } from './ImportSummary.js';

/**
 * A policy document from ImportBlocks (see blocksToDocument for the detection rules), with the
 * result checked against the schema so the preview can show problems before anything is created.
 */
export function importBlocks(
  blocks: readonly ImportBlock[],
  options: ImportOptions = {},
): { json: JSONContent; summary: ImportSummary } {
  const { json, summary } = blocksToDocument(blocks, options);
  return { json, summary: { ...summary, problems: validateDocument(json) } };
}
