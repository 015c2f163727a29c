import * as Y from 'yjs';
import { NODE } from '@accord/shared';
import { blockLines, type BlockLine } from './blockLines.js';
import type { ClauseBlocks } from './clauseBlocks.js';
import { fitsContent } from './clauseStructure.js';
import { editBlockLines, runsOf, type LineEntry } from './editBlockLines.js';
import { matchLines, type CurrentLine, type MergedLine } from './mergedLines.js';
import { textBlock } from './textBlock.js';

/** How the merged wording lands on the clause: textblocks kept (and edited), removed, added. */
export interface Reshape {
  /** the clause's children afterwards: kept elements, and the lines of new paragraphs */
  children: (Y.XmlElement | MergedLine)[];
  /** each kept textblock with the lines it will hold */
  edits: { block: Y.XmlElement; entries: LineEntry[] }[];
  removed: Y.XmlElement[];
}

/**
 * Plans the merged wording as the smallest change to the clause's textblocks, line by line (a
 * textblock holds one line, or several separated by hard breaks): each merged line goes into the
 * line most of its text comes from, edited word by word; a new line between two kept lines of
 * one textblock joins it after a new hard break (in a recital, every new line does); other new
 * lines become new paragraphs next to their neighbours; lines none of the text stays in go (with
 * their textblock, when none of its lines stays). So what others type meanwhile in a line that
 * stays is kept. Null when a textblock holds something other than text and hard breaks, or the
 * new paragraphs would not fit: then it is rebuilt.
 */
export function planReshape(blocks: ClauseBlocks, lines: MergedLine[]): Reshape | null {
  const { clause, heading } = blocks;
  const recital = clause.nodeName === NODE.recital;
  const textblocks = recital ? [clause] : heading ? [heading, ...blocks.paragraphs] : blocks.paragraphs;
  const split = textblocks.map(blockLines);
  if (split.some((l) => l === undefined)) return null;
  const own = (split as BlockLine[][]).flat();
  if (heading && split[0]!.length !== 1) return null;
  const currentTexts = blocks.text.split('\n');
  if (currentTexts.length !== own.length && !(own.length === 0 && blocks.text === '')) return null;
  const current: CurrentLine[] = [];
  let offset = 0;
  for (const text of own.length === 0 ? [] : currentTexts) {
    current.push({ start: offset, end: offset + text.length });
    offset += text.length + 1;
  }
  const pairs = matchLines(current, lines, recital || heading !== null);
  const keptAt = new Map<number, BlockLine>();
  for (const [i, j] of pairs) keptAt.set(j, own[i]!);
  const paired = [...keptAt.keys()].sort((a, b) => a - b);
  if (recital && paired.length === 0) return null;
  // a new line between two kept lines of one textblock (anywhere in a recital) goes into it
  const blockOf = new Map<number, Y.XmlElement>();
  lines.forEach((_, j) => {
    const kept = keptAt.get(j);
    if (kept) return void blockOf.set(j, kept.block);
    const before = keptAt.get(paired.filter((k) => k < j).pop() ?? -1);
    const after = keptAt.get(paired.find((k) => k > j) ?? -1);
    if (recital) blockOf.set(j, (before ?? after)!.block);
    else if (before && after && before.block === after.block) blockOf.set(j, before.block);
  });
  const edits = textblocks
    .map((block) => ({
      block,
      entries: lines.flatMap((line, j) =>
        blockOf.get(j) === block ? [{ line, keep: keptAt.get(j) ?? null }] : [],
      ),
    }))
    .filter((edit) => edit.entries.some((entry) => entry.keep));
  const removed = textblocks.filter((block) => !edits.some((edit) => edit.block === block));
  const keptBy = new Map<number, Y.XmlElement>();
  for (const [j, line] of keptAt) keptBy.set(j, line.block);

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
  for (let j = heading ? 1 : 0; j < lines.length && !recital; j++) {
    const kept = keptBy.get(j);
    if (!kept && blockOf.has(j)) continue;
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
  for (const { block, entries } of plan.edits) editBlockLines(block, entries);
  for (const element of plan.removed) clause.delete(clause.toArray().indexOf(element), 1);
  plan.children.forEach((child, index) => {
    if (child instanceof Y.XmlElement) return;
    clause.insert(index, [textBlock(NODE.paragraph, runsOf(child, 0, child.text.length))]);
  });
}
