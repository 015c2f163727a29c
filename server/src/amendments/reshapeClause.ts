import * as Y from 'yjs';
import { diffArrays } from 'diff';
import { NODE, wordTokens, type TextRunContent } from '@accord/shared';
import type { ClauseBlocks } from './clauseBlocks.js';
import { fitsContent } from './clauseStructure.js';
import { formatText } from './formatText.js';
import { markAttributes, runsByMarks } from './markAttributes.js';
import { matchLines, type CurrentLine, type MergedLine } from './mergedLines.js';
import { textBlock } from './textBlock.js';

/** How the merged wording lands on the clause: textblocks kept (and edited), removed, added. */
export interface Reshape {
  /** the clause's children afterwards: kept elements, and the lines of new paragraphs */
  children: (Y.XmlElement | MergedLine)[];
  edits: { block: Y.XmlElement; line: MergedLine }[];
  removed: Y.XmlElement[];
}

/** A Y.XmlText's characters (its toString() writes marks as tags). */
function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((delta) => (typeof delta.insert === 'string' ? delta.insert : ''))
    .join('');
}

/** The only text of a textblock, when it holds nothing else (no hard break). */
function soleText(block: Y.XmlElement): Y.XmlText | null | undefined {
  const children = block.toArray();
  if (children.length === 0) return null;
  if (children.length === 1 && children[0] instanceof Y.XmlText) return children[0];
  return undefined;
}

/**
 * Plans the merged wording as the smallest change to the clause's textblocks: each merged line
 * goes into the textblock most of its text comes from, edited word by word; lines from nowhere
 * become new paragraphs next to their neighbours; textblocks none of the text stays in go. So
 * what others type meanwhile in a textblock that stays is kept. Null when the clause is not
 * plain textblocks (a hard break) or the new paragraphs would not fit: then it is rebuilt.
 */
export function planReshape(blocks: ClauseBlocks, lines: MergedLine[]): Reshape | null {
  const { clause, heading } = blocks;
  const textblocks =
    clause.nodeName === NODE.recital
      ? [clause]
      : heading
        ? [heading, ...blocks.paragraphs]
        : blocks.paragraphs;
  const currentTexts = blocks.text.split('\n');
  if (currentTexts.length !== textblocks.length && !(textblocks.length === 0 && blocks.text === ''))
    return null;
  if (textblocks.some((block) => soleText(block) === undefined)) return null;
  const current: CurrentLine[] = [];
  let offset = 0;
  for (const text of textblocks.length === 0 ? [] : currentTexts) {
    current.push({ start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  const fixFirst = clause.nodeName === NODE.recital || heading !== null;
  if (clause.nodeName === NODE.recital && lines.length !== 1) return null;
  const pairs = matchLines(current, lines, fixFirst);
  const keptBy = new Map<number, Y.XmlElement>();
  for (const [i, j] of pairs) keptBy.set(j, textblocks[i]!);
  const edits = [...pairs].map(([i, j]) => ({ block: textblocks[i]!, line: lines[j]! }));
  const removed = textblocks.filter((_, i) => !pairs.has(i));

  const all = clause.nodeName === NODE.recital ? [] : clause.toArray();
  const children: (Y.XmlElement | MergedLine)[] = all.filter(
    (child): child is Y.XmlElement => child instanceof Y.XmlElement && !removed.includes(child),
  );
  if (all.some((child) => !(child instanceof Y.XmlElement))) return null;
  // where new paragraphs go when no own paragraph stays: where the first one was, else after the heading
  const firstOwn = blocks.paragraphs[0];
  let at = firstOwn
    ? all.slice(0, all.indexOf(firstOwn)).filter((c) => !removed.includes(c as Y.XmlElement)).length
    : heading
      ? 1
      : 0;
  // new paragraphs follow the paragraph kept before them (sub-clauses after it stay after them);
  // those before the first kept one go just before it
  let pending: MergedLine[] = [];
  let afterKept = false;
  const place = () => {
    children.splice(at, 0, ...pending);
    at += pending.length;
    pending = [];
  };
  for (let j = heading ? 1 : 0; j < lines.length && clause.nodeName !== NODE.recital; j++) {
    const kept = keptBy.get(j);
    if (!kept) {
      if (afterKept) children.splice(at++, 0, lines[j]!);
      else pending.push(lines[j]!);
      continue;
    }
    if (!afterKept) {
      at = children.indexOf(kept);
      place();
    }
    afterKept = true;
    at = children.indexOf(kept) + 1;
  }
  place();
  const types = children.map((child) => (child instanceof Y.XmlElement ? child.nodeName : NODE.paragraph));
  if (clause.nodeName !== NODE.recital && !fitsContent(clause.nodeName, types)) return null;
  return { children, edits, removed };
}

/** Makes the planned change; call in the transaction that planned it. */
export function applyReshape(clause: Y.XmlElement, plan: Reshape): void {
  for (const { block, line } of plan.edits) editLine(block, line);
  for (const element of plan.removed) clause.delete(clause.toArray().indexOf(element), 1);
  plan.children.forEach((child, index) => {
    if (child instanceof Y.XmlElement) return;
    clause.insert(index, [textBlock(NODE.paragraph, runsOf(child, 0, child.text.length))]);
  });
}

function runsOf(line: MergedLine, from: number, to: number): TextRunContent[] {
  return runsByMarks(line.text.slice(from, to), (i) => line.marks[from + i]);
}

/**
 * Turns a kept textblock's text into the merged line, word by word (a word diff of the two), and
 * formats the words it keeps where their marks change.
 */
function editLine(block: Y.XmlElement, line: MergedLine): void {
  let text = soleText(block);
  if (!text) {
    if (!line.text) return;
    text = new Y.XmlText();
    block.insert(0, [text]);
  }
  let at = 0;
  let target = 0;
  for (const part of diffArrays(wordTokens(plainText(text)), wordTokens(line.text))) {
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
