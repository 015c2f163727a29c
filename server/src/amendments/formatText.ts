import * as Y from 'yjs';
import { marksKey, type TextRunContent } from '@accord/shared';
import { markAttributes } from './markAttributes.js';
import { marksOf } from './clauseBlocks.js';

// the marks a proposal carries; others in the text (none today) are left as they are
const AMENDABLE_MARKS = new Set(['bold', 'italic', 'link', 'bracketed']);

/**
 * Gives text [at, at + length) of a Y.XmlText exactly these marks (Y.Text format: the marks it
 * lacks are set, the others removed), leaving stretches that already have them alone. Formatting
 * does not move text, so what others type next to it stays where they typed it.
 */
export function formatText(
  text: Y.XmlText,
  at: number,
  length: number,
  marks: TextRunContent['marks'],
): void {
  const wanted = markAttributes(marks);
  const stretches: { from: number; length: number; attributes: Record<string, unknown> }[] = [];
  let offset = 0;
  for (const delta of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const size = typeof delta.insert === 'string' ? delta.insert.length : 1;
    const from = Math.max(offset, at);
    const to = Math.min(offset + size, at + length);
    if (to > from && typeof delta.insert === 'string')
      stretches.push({ from, length: to - from, attributes: delta.attributes ?? {} });
    offset += size;
  }
  for (const stretch of stretches) {
    if (marksKey(marksOf(stretch.attributes)) === marksKey(marks)) continue;
    const change: Record<string, unknown> = { ...wanted };
    for (const key of Object.keys(stretch.attributes)) {
      const name = /^(.*?)(--[a-zA-Z0-9+/=]{8})?$/.exec(key)![1]!;
      if (AMENDABLE_MARKS.has(name) && !(key in wanted)) change[key] = null;
    }
    text.format(stretch.from, stretch.length, change);
  }
}
