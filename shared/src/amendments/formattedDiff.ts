import type { DiffPart } from '../compare/comparisonTypes.js';
import type { MarkEdit } from './mergeMarks.js';

/**
 * A word diff of the current text with the words whose formatting the proposal changes split out
 * as parts of their own, flagged `formatted` (the same words, other marks).
 */
export function formattedDiff(parts: readonly DiffPart[], edits: readonly MarkEdit[]): DiffPart[] {
  if (edits.length === 0) return [...parts];
  const out: DiffPart[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.added) {
      out.push(part);
      continue;
    }
    const start = at;
    at += part.value.length;
    if (part.removed) {
      out.push(part);
      continue;
    }
    let cut = start;
    const push = (to: number, formatted: boolean) => {
      if (to <= cut) return;
      const value = part.value.slice(cut - start, to - start);
      out.push(formatted ? { value, formatted: true } : { value });
      cut = to;
    };
    for (const edit of edits) {
      if (edit.to <= start || edit.from >= at) continue;
      push(Math.max(edit.from, start), false);
      push(Math.min(edit.to, at), true);
    }
    push(at, false);
  }
  return out;
}
