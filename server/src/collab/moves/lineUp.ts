import { diffArrays } from 'diff';

/** a placeholder never equals a real character or child key */
export const PLACEHOLDER = '\u0000';
/** content the copy's author wrote and dropped: stands for whatever its copy holds there */
export const OWN = '\u0001';

/**
 * Lines up two key sequences: for each entry of `from`, the index in `to` it matches (-1 if
 * none), and the entries of `to` that stand, in a changed stretch, where `from` has placeholders.
 * (Arrays, not diffChars: that one counts code points, Yjs counts UTF-16 units.)
 */
export function lineUp(
  from: string[],
  to: string[],
  /** the Yjs clock of each entry of `to`: stand-ins are the oldest (copied, not typed later) */
  ages?: number[],
  /** which entries of `to` were written with the list itself (a copy), not typed into it later */
  copied?: boolean[],
): { index: Int32Array; standIns: number[] } {
  const index = new Int32Array(from.length).fill(-1);
  const standIns: number[] = [];
  // the usual case for a move just made: the live list is a copy of `from` (a diff could pair a
  // placeholder's stand-in with a twin elsewhere, so go position by position). When the copy was
  // typed into afterwards, only the copy's own characters are lined up so; the typing falls in
  // between
  if (copied?.some((c) => !c) && copied.some((c) => c)) {
    const kept = to.flatMap((_, j) => (copied[j] ? [j] : []));
    const within = positional(
      from,
      kept.map((j) => to[j]!),
    );
    if (within) {
      within.index.forEach((k, i) => (index[i] = k >= 0 ? kept[k]! : -1));
      return { index, standIns: within.standIns.map((k) => kept[k]!) };
    }
  } else {
    const exact = positional(from, to);
    if (exact) return exact;
  }
  // whole words, not characters: a character diff pairs letters of different words and would
  // put late text in the middle of a word
  const a = tokens(from);
  const b = tokens(to);
  let f = 0;
  let t = 0;
  let placeholders = 0;
  for (const part of diffArrays(
    a.map((x) => x.text),
    b.map((x) => x.text),
  )) {
    const count = part.value.length;
    if (part.removed) {
      for (let i = 0; i < count; i++) if (a[f + i]!.text === PLACEHOLDER) placeholders++;
      f += count;
    } else if (part.added) {
      const candidates: number[] = [];
      for (let i = 0; i < count; i++) {
        const token = b[t + i]!;
        for (let k = 0; k < token.length; k++) candidates.push(token.start + k);
      }
      if (ages) candidates.sort((x, y) => ages[x]! - ages[y]! || x - y);
      // only where the stretch holds nothing but copies of what the placeholders stood for
      const n = candidates.length === placeholders ? placeholders : 0;
      standIns.push(...candidates.slice(0, n));
      placeholders -= n;
      t += count;
    } else {
      for (let i = 0; i < count; i++) {
        const x = a[f + i]!;
        const y = b[t + i]!;
        for (let k = 0; k < x.length; k++) index[x.start + k] = y.start + k;
      }
      f += count;
      t += count;
      placeholders = 0;
    }
  }
  return { index, standIns };
}

/**
 * Lines `to` up with `from` position by position, when `to` is a copy of `from` in which each run
 * of placeholders is either there (the author of the copy still saw those characters: their
 * copies are stand-ins to delete) or not (the author had them deleted too). Null when `to` is not
 * such a copy (it was edited after copying).
 */
function positional(from: string[], to: string[]): { index: Int32Array; standIns: number[] } | null {
  const index = new Int32Array(from.length).fill(-1);
  const standIns: number[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length) {
    if (from[i] === OWN) {
      if (j >= to.length) return null;
      index[i++] = j++;
      continue;
    }
    if (from[i] !== PLACEHOLDER) {
      if (j >= to.length || from[i] !== to[j]) return null;
      index[i++] = j++;
      continue;
    }
    let end = i;
    while (end < from.length && from[end] === PLACEHOLDER) end++;
    const run = end - i;
    // absent is preferred when both fit: never delete what may be someone's text
    if (matchesAhead(from, end, to, j)) {
      i = end;
    } else if (j + run <= to.length && matchesAhead(from, end, to, j + run)) {
      for (let k = 0; k < run; k++) standIns.push(j + k);
      i = end;
      j += run;
    } else return null;
  }
  return j === to.length ? { index, standIns } : null;
}

/** Whether the real keys of `from` from `i` (up to the next placeholder) are `to`'s from `j`. */
function matchesAhead(from: string[], i: number, to: string[], j: number): boolean {
  for (; i < from.length && from[i] !== PLACEHOLDER; i++, j++) {
    if (j >= to.length || (to[j] !== from[i] && from[i] !== OWN)) return false;
  }
  return i < from.length || j === to.length;
}

/**
 * Words with the spaces before them (" free", " legal"); placeholders and child keys alone. A
 * word that moved or changed does not match, so its spaces do not pair with another word's.
 */
function tokens(keys: string[]): Array<{ text: string; start: number; length: number }> {
  const found: Array<{ text: string; start: number; length: number }> = [];
  let current: { text: string; start: number; length: number } | null = null;
  let inWord = false;
  keys.forEach((key, i) => {
    const single = key.length === 1 && key !== PLACEHOLDER && key !== OWN;
    if (!single) {
      found.push({ text: key, start: i, length: 1 });
      current = null;
      return;
    }
    const space = key === ' ';
    // a new token at the first space after a word (or at the very start)
    if (!current || (space && inWord)) {
      current = { text: '', start: i, length: 0 };
      found.push(current);
    }
    current.text += key;
    current.length++;
    inWord = !space;
  });
  return found;
}
