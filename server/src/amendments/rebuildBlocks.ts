import * as Y from 'yjs';
import { NODE, type ClauseContent, type MergePiece, type TextRunContent } from '@accord/shared';
import type { ClauseBlocks } from './clauseBlocks.js';
import { runsByMarks } from './markAttributes.js';
import { fillText, textBlock } from './textBlock.js';

/**
 * The last resort, when the clause's textblocks cannot be kept (an inline node other than text
 * and hard breaks in them, or kept paragraphs would not fit the clause's content rule): the
 * clause's own textblocks are written anew from the merged text (marks from where each stretch
 * came from). Text typed into them at the same moment may be lost; the clause's id and the
 * clauses inside it stay.
 */
export function rebuildBlocks(
  blocks: ClauseBlocks,
  pieces: readonly MergePiece[],
  currentMarks: (offset: number) => TextRunContent['marks'],
  proposalMarks: (offset: number) => TextRunContent['marks'],
): void {
  const lines: ClauseContent['paragraphs'] = [[]];
  for (const piece of pieces) {
    const marksAt = piece.source === 'current' ? currentMarks : proposalMarks;
    piece.text.split('\n').forEach((part, i, parts) => {
      let start = piece.offset;
      for (let k = 0; k < i; k++) start += parts[k]!.length + 1;
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push(...runsByMarks(part, (j) => marksAt(start + j)));
    });
  }
  const clause = blocks.clause;
  if (clause.nodeName === NODE.recital) {
    clause.delete(0, clause.length);
    const text = new Y.XmlText();
    clause.insert(0, [text]);
    fillText(
      text,
      lines.flatMap((line, i) => (i > 0 ? [{ text: ' ' }, ...line] : line)),
    );
    return;
  }
  if (blocks.heading) {
    const heading = blocks.heading;
    heading.delete(0, heading.length);
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    fillText(text, lines.shift() ?? []);
  }
  const children = clause.toArray();
  const own = blocks.paragraphs;
  let at = own.length > 0 ? children.indexOf(own[0]!) : blocks.heading ? 1 : 0;
  for (const paragraph of [...own].reverse()) {
    const i = clause.toArray().indexOf(paragraph);
    clause.delete(i, 1);
  }
  at = Math.min(at, clause.length);
  if (lines.length === 1 && lines[0]!.length === 0 && own.length === 0) return;
  clause.insert(
    at,
    lines.map((line) => textBlock(NODE.paragraph, line)),
  );
}
