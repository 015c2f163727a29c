import { detectStructureLine } from './detectStructureLine.js';
import type { ImportBlock } from './ImportBlock.js';

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const LIST_ITEM =
  /^(\s*)([-*+•]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]{1,2}[.)]|\([a-z]{1,2}\)|[ivxl]{1,6}[.)]|\([ivxl]{1,6}\))\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
// "Lead: …", "Status: …": one field per line, never run into the previous line
const isHeadingLike = (text: string) =>
  text.length <= 120 && !/[.;:,]$/.test(text) && text.split(/\s+/).length <= 14;
const FIELD_LINE = /^[\p{L}][\p{L} ]{0,30}:\s/u;

/**
 * Markdown text → ImportBlocks: ATX headings, list items (bullets, numbers, letters, roman
 * numerals, with or without parentheses) and paragraphs (consecutive lines joined). Setext
 * headings ("Title\n====") are read as well, since word processors export them.
 */
export function parseMarkdownBlocks(markdown: string): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  let open: ImportBlock | null = null; // paragraph or list item that following lines continue
  let breakBefore = false;
  let afterStructure = false;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\t/g, '    ');
    if (!line.trim()) {
      open = null;
      breakBefore = false;
      afterStructure = false;
      continue;
    }
    if (open?.kind === 'text' && /^\s*(=+|-+)\s*$/.test(line)) {
      const text = open.text;
      blocks[blocks.length - 1] = { kind: 'heading', level: line.trim().startsWith('=') ? 1 : 2, text };
      open = null;
      continue;
    }
    if (RULE.test(line)) {
      open = null;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
      open = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      open = { kind: 'listItem', marker: item[2]!, indent: item[1]!.length, text: item[3]!.trimStart() };
      blocks.push(open);
      continue;
    }
    // Structure lines ("Article 5", "CAPÍTULO II") stand alone, and so does the line after one
    // and, when that line is a heading ("Article 1" ↵ "Purpose" ↵ "The purpose …"), the next.
    const trimmed = line.trim();
    const structure = detectStructureLine(trimmed) !== null;
    const standalone = structure || FIELD_LINE.test(trimmed) || breakBefore;
    breakBefore = structure || (breakBefore && isHeadingLike(trimmed) && afterStructure);
    afterStructure = structure;
    if (open && !standalone) {
      // "  \n" (two trailing spaces) is a Markdown hard break; keep it for parseInlineMarkdown
      open.text = /( {2,}|\\)$/.test(open.text)
        ? `${open.text}\n${line.trimStart()}`
        : `${open.text.trimEnd()} ${line.trimStart()}`;
      continue;
    }
    const block: ImportBlock = { kind: 'text', text: line.replace(/^\s*>\s?/, '').trimStart() };
    blocks.push(block);
    open = FIELD_LINE.test(trimmed) ? null : block;
  }
  for (const block of blocks) block.text = block.text.trimEnd();
  return blocks;
}
