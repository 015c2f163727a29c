import { diffArrays } from 'diff';
import type { TextRunContent } from './ClauseContent.js';
import { marksKey } from './mergeMarks.js';
import { wordTokens } from './wordTokens.js';

/**
 * New plain text for a textblock that had these runs: the words kept (word diff) keep their marks,
 * new words have none. A form that edits plain text so leaves the formatting of the words it does
 * not touch as it was, rather than proposing to remove it.
 */
export function carryMarks(runs: readonly TextRunContent[], text: string): TextRunContent[] {
  const marks: TextRunContent['marks'][] = [];
  for (const run of runs) for (let i = 0; i < run.text.length; i++) marks.push(run.marks);
  const before = runs.map((run) => run.text).join('');
  const out: TextRunContent[] = [];
  const push = (value: string, runMarks: TextRunContent['marks']) => {
    const last = out[out.length - 1];
    if (last && marksKey(last.marks) === marksKey(runMarks)) last.text += value;
    else out.push(runMarks && runMarks.length > 0 ? { text: value, marks: runMarks } : { text: value });
  };
  let from = 0;
  for (const part of diffArrays(wordTokens(before), wordTokens(text))) {
    const value = part.value.join('');
    if (part.removed) from += value.length;
    else if (part.added) push(value, undefined);
    else for (let i = 0; i < value.length; i++) push(value[i]!, marks[from + i]);
    if (!part.added && !part.removed) from += value.length;
  }
  return out;
}

/**
 * New plain lines for a clause's paragraphs: lines equal to a paragraph (in order) keep its runs;
 * a changed line takes the marks of the replaced paragraph it shares most words with (in order);
 * a line added between paragraphs has none.
 */
export function carryParagraphMarks(
  paragraphs: readonly (readonly TextRunContent[])[],
  lines: readonly string[],
): TextRunContent[][] {
  const texts = paragraphs.map((runs) => runs.map((run) => run.text).join(''));
  const out: TextRunContent[][] = [];
  let p = 0;
  let removed: number[] = [];
  for (const part of diffArrays(texts, [...lines])) {
    if (part.removed) {
      removed = part.value.map((_, i) => p + i);
      p += part.value.length;
    } else if (part.added) {
      let after = 0;
      for (const line of part.value) {
        // the paragraph (in order) this line shares the most words with
        let best = -1;
        let bestCommon = 0;
        for (let k = after; k < removed.length; k++) {
          const common = commonLength(texts[removed[k]!]!, line);
          if (common > bestCommon) [best, bestCommon] = [k, common];
        }
        if (best < 0) out.push(line ? [{ text: line }] : []);
        else {
          out.push(carryMarks(paragraphs[removed[best]!]!, line));
          after = best + 1;
        }
      }
      removed = [];
    } else {
      for (let i = 0; i < part.value.length; i++) out.push([...paragraphs[p + i]!]);
      p += part.value.length;
      removed = [];
    }
  }
  return out;
}

/** How many characters two texts have in common, word by word. */
function commonLength(a: string, b: string): number {
  let common = 0;
  for (const part of diffArrays(wordTokens(a), wordTokens(b)))
    if (!part.added && !part.removed) common += part.value.join('').trim().length;
  return common;
}
