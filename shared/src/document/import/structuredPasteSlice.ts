import { Fragment, Slice, type Schema } from '@tiptap/pm/model';
import { NODE } from '../nodeNames.js';
import { detectStructureLine } from './detectStructureLine.js';
// blocksToDocument, not importBlocks: validation needs policySchema, which is built from the
// extension list this module belongs to (an import cycle).
import { blocksToDocument } from './blocksToDocument.js';
import { parseMarkdownBlocks } from './parseMarkdownBlocks.js';

/**
 * The slice to insert for pasted plain text that contains structure lines ("Article 5 — Title",
 * "Capítulo II", …), or null for ordinary text (which ProseMirror pastes as usual). The blocks
 * are closed nodes; ProseMirror's replaceSelection fits them at the nearest level that accepts
 * them (pasting articles inside an article closes it and inserts them after).
 */
export function structuredPasteSlice(text: string, schema: Schema): Slice | null {
  const lines = text.split(/\r\n?|\n/);
  if (
    !lines.some((line) => {
      const s = detectStructureLine(line.trim());
      return !!s && s.kind !== 'preamble';
    })
  )
    return null;
  const { json } = blocksToDocument(parseMarkdownBlocks(text), { fragment: true });
  const blocks = (json.content ?? []).filter((node) => node.type !== NODE.title);
  try {
    return new Slice(Fragment.fromArray(blocks.map((node) => schema.nodeFromJSON(node))), 0, 0);
  } catch {
    return null;
  }
}
