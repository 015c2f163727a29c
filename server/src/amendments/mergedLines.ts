import type { MergePiece, TextRunContent } from '@accord/shared';

/** One line (textblock) of the merged wording, character by character. */
export interface MergedLine {
  text: string;
  /** the marks each character will have */
  marks: TextRunContent['marks'][];
  /** per character: its offset in the current text when it comes from there, else -1 */
  from: number[];
  /** the current offset of the line break that ends this line, when it comes from the current text */
  breakFrom: number;
}

/**
 * The merged wording split into lines, each character knowing where it comes from: text kept
 * from the clause as it is (with its marks after the proposal's formatting changes) or text of
 * the proposal (with the proposal's marks).
 */
export function mergedLines(
  pieces: readonly MergePiece[],
  currentMarks: (offset: number) => TextRunContent['marks'],
  proposalMarks: (offset: number) => TextRunContent['marks'],
): MergedLine[] {
  const lines: MergedLine[] = [];
  let line: MergedLine = { text: '', marks: [], from: [], breakFrom: -1 };
  for (const piece of pieces) {
    for (let i = 0; i < piece.text.length; i++) {
      const offset = piece.offset + i;
      const fromCurrent = piece.source === 'current';
      if (piece.text[i] === '\n') {
        line.breakFrom = fromCurrent ? offset : -1;
        lines.push(line);
        line = { text: '', marks: [], from: [], breakFrom: -1 };
        continue;
      }
      line.text += piece.text[i];
      line.marks.push(fromCurrent ? currentMarks(offset) : proposalMarks(offset));
      line.from.push(fromCurrent ? offset : -1);
    }
  }
  lines.push(line);
  return lines;
}

/** A current line: [start, end) of the current text, `end` being where its line break is. */
export interface CurrentLine {
  start: number;
  end: number;
}

/**
 * Which current lines become which merged lines, in order: the pairing that keeps the most
 * characters where they are (a line's own line break counts half a character, so that empty
 * lines pair too). Lines left unpaired are removed (current) or new (merged). `fixFirst`: the
 * first lines always pair (a heading stays the heading). Dynamic programming, lines × lines.
 */
export function matchLines(
  current: readonly CurrentLine[],
  merged: readonly MergedLine[],
  fixFirst: boolean,
): Map<number, number> {
  const weight = (i: number, j: number) => {
    const line = current[i]!;
    const target = merged[j]!;
    let w = target.from.filter((c) => c >= line.start && c < line.end).length;
    if (target.breakFrom >= 0 && target.breakFrom === line.end) w += 0.5;
    return w;
  };
  const skip = fixFirst ? 1 : 0;
  const n = current.length - skip;
  const m = merged.length - skip;
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const w = weight(i - 1 + skip, j - 1 + skip);
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, w > 0 ? best[i - 1]![j - 1]! + w : 0);
    }
  }
  const pairs = new Map<number, number>();
  if (fixFirst && current.length > 0 && merged.length > 0) pairs.set(0, 0);
  for (let i = n, j = m; i > 0 && j > 0;) {
    const w = weight(i - 1 + skip, j - 1 + skip);
    if (w > 0 && best[i]![j] === best[i - 1]![j - 1]! + w) {
      pairs.set(i - 1 + skip, j - 1 + skip);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return pairs;
}
