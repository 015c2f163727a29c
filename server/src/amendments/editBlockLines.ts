import * as Y from 'yjs';
import { diffArrays } from 'diff';
import { NODE, plainTextOf, wordTokens, type TextRunContent } from '@accord/shared';
import type { BlockLine } from './blockLines.js';
import { formatText } from './formatText.js';
import { markAttributes, runsByMarks } from './markAttributes.js';
import type { MergedLine } from './mergedLines.js';

/** A line a kept textblock will hold: a line it has (`keep`), edited, or a new one (`keep` null). */
export interface LineEntry {
  line: MergedLine;
  keep: BlockLine | null;
}

export function runsOf(line: MergedLine, from: number, to: number): TextRunContent[] {
  return runsByMarks(line.text.slice(from, to), (i) => line.marks[from + i]);
}

/**
 * Makes a kept textblock hold these lines, as the smallest change: kept lines are edited word by
 * word in their own Y.XmlText, lines it loses go with one hard break each, new lines come with
 * a new hard break. The texts and hard breaks that stay are the same Yjs items, so what others
 * type into them meanwhile is kept. Entries follow the block's lines in order.
 */
export function editBlockLines(block: Y.XmlElement, entries: readonly LineEntry[]): void {
  const wanted: (Y.XmlText | Y.XmlElement)[] = [];
  const fills: { text: Y.XmlText; line: MergedLine }[] = [];
  entries.forEach(({ line, keep }, i) => {
    if (keep?.text) {
      editLine(keep.text, line);
      wanted.push(keep.text);
    } else if (line.text) {
      const text = new Y.XmlText();
      fills.push({ text, line });
      wanted.push(text);
    }
    if (i < entries.length - 1) wanted.push(keep?.breakAfter ?? new Y.XmlElement(NODE.hardBreak));
  });
  const children = block.toArray();
  for (let i = children.length - 1; i >= 0; i--) {
    if (!wanted.includes(children[i] as Y.XmlText | Y.XmlElement)) block.delete(i, 1);
  }
  // what stays is in order (lines pair in order), so the new ones go in between
  wanted.forEach((child, i) => {
    if (block.get(i) !== child) block.insert(i, [child]);
  });
  for (const { text, line } of fills) {
    let at = 0;
    for (const run of runsOf(line, 0, line.text.length)) {
      text.insert(at, run.text, markAttributes(run.marks));
      at += run.text.length;
    }
  }
}

/**
 * Turns a kept line's text into the merged line, word by word (a word diff of the two), and
 * formats the words it keeps where their marks change.
 */
function editLine(text: Y.XmlText, line: MergedLine): void {
  let at = 0;
  let target = 0;
  for (const part of diffArrays(wordTokens(plainTextOf(text)), wordTokens(line.text))) {
    const length = part.value.reduce((sum, token) => sum + token.length, 0);
    if (part.removed) {
      text.delete(at, length);
    } else if (part.added) {
      for (const run of runsOf(line, target, target + length)) {
        text.insert(at, run.text, markAttributes(run.marks));
        at += run.text.length;
      }
      target += length;
    } else {
      for (const run of runsOf(line, target, target + length)) {
        formatText(text, at, run.text.length, run.marks);
        at += run.text.length;
      }
      target += length;
    }
  }
}
