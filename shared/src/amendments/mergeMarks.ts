import { diffArrays } from 'diff';
import { contentMarksAt, contentText, type ClauseContent, type TextRunContent } from './ClauseContent.js';
import type { MergeConflict } from './threeWayMerge.js';
import { wordTokens } from './wordTokens.js';

/** A stretch of the current text whose inline marks the proposal changes: [from, to) gets `marks`. */
export interface MarkEdit {
  from: number;
  to: number;
  marks: TextRunContent['marks'];
}

export interface MarkMerge {
  edits: MarkEdit[];
  conflicts: MergeConflict[];
}

/** A canonical key of a set of marks, whatever their order. */
export function marksKey(marks: TextRunContent['marks']): string {
  return JSON.stringify([...(marks ?? [])].map((mark) => JSON.stringify(mark)).sort());
}

/** For each character of `from` that is kept in `to` (word diff), its offset in `to`; -1 otherwise. */
function keptOffsets(from: string, to: string): number[] {
  const map = Array<number>(from.length).fill(-1);
  let a = 0;
  let b = 0;
  for (const part of diffArrays(wordTokens(from), wordTokens(to))) {
    const length = part.value.reduce((sum, token) => sum + token.length, 0);
    if (part.added) b += length;
    else if (part.removed) a += length;
    else {
      for (let i = 0; i < length; i++) map[a + i] = b + i;
      a += length;
      b += length;
    }
  }
  return map;
}

/**
 * Three-way merge of inline marks (bold, italic, links, brackets) over the words that the
 * proposal keeps: where the proposal formats a word differently from the base, the current text
 * takes the proposal's marks — unless the word was rewritten or formatted otherwise since tabling
 * (a conflict). Words the proposal rewrites carry their marks with the text merge. Pure.
 */
export function mergeMarks(base: ClauseContent, current: ClauseContent, proposal: ClauseContent): MarkMerge {
  const baseText = contentText(base);
  const currentText = contentText(current);
  const toProposal = keptOffsets(baseText, contentText(proposal));
  const toCurrent = keptOffsets(baseText, currentText);
  const baseMarks = contentMarksAt(base);
  const proposalMarks = contentMarksAt(proposal);
  const currentMarks = contentMarksAt(current);
  const changes: { at: number; marks: TextRunContent['marks'] }[] = [];
  const conflicts: MergeConflict[] = [];
  let conflictFrom = -1;
  const closeConflict = (end: number) => {
    if (conflictFrom < 0) return;
    const words = baseText.slice(conflictFrom, end);
    conflicts.push({ base: words, current: words, proposal: words });
    conflictFrom = -1;
  };
  for (let b = 0; b < baseText.length; b++) {
    const p = toProposal[b]!;
    const wanted = p >= 0 ? proposalMarks(p) : undefined;
    if (p < 0 || marksKey(baseMarks(b)) === marksKey(wanted) || baseText[b] === '\n') {
      closeConflict(b);
      continue;
    }
    const c = toCurrent[b]!;
    const now = c >= 0 ? currentMarks(c) : undefined;
    if (c >= 0 && marksKey(now) === marksKey(wanted)) {
      closeConflict(b);
      continue;
    }
    if (c >= 0 && marksKey(now) === marksKey(baseMarks(b))) {
      closeConflict(b);
      changes.push({ at: c, marks: wanted });
    } else if (conflictFrom < 0) conflictFrom = b;
  }
  closeConflict(baseText.length);
  const edits: MarkEdit[] = [];
  for (const change of changes) {
    const last = edits[edits.length - 1];
    if (last && last.to === change.at && marksKey(last.marks) === marksKey(change.marks)) last.to += 1;
    else edits.push({ from: change.at, to: change.at + 1, marks: change.marks });
  }
  return { edits, conflicts };
}

/** The marks at an offset of the current text once the mark edits are made. */
export function marksAfterEdits(
  currentMarks: (offset: number) => TextRunContent['marks'],
  edits: readonly MarkEdit[],
): (offset: number) => TextRunContent['marks'] {
  return (offset) => {
    const edit = edits.find((e) => e.from <= offset && offset < e.to);
    return edit ? edit.marks : currentMarks(offset);
  };
}
