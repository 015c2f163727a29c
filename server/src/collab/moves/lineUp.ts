import { diffArrays } from 'diff';

/**
 * A placeholder never equals a real character or child key. It stands for a character the server
 * has deleted: alone when the character's text is gone, followed by it when still known.
 */
export const PLACEHOLDER = '\u0000';

export const isPlaceholder = (key: string): boolean => key.charCodeAt(0) === 0;

/** Whether `key` (of the copy) can be the copy of the placeholder `placeholder`. */
const standsFor = (placeholder: string, key: string): boolean =>
  placeholder.length === 1 || placeholder.slice(1) === key;
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
  /** the runs of placeholders of the changed stretch so far, in order */
  let placeholders: string[][] = [];
  for (const part of diffArrays(
    a.map((x) => x.text),
    b.map((x) => x.text),
  )) {
    const count = part.value.length;
    if (part.removed) {
      let open = false;
      for (let i = 0; i < count; i++) {
        const token = a[f + i]!.text;
        if (!isPlaceholder(token)) open = false;
        else if (open) placeholders[placeholders.length - 1]!.push(token);
        else {
          placeholders.push([token]);
          open = true;
        }
      }
      f += count;
    } else if (part.added) {
      const candidates: number[] = [];
      for (let i = 0; i < count; i++) {
        const token = b[t + i]!;
        for (let k = 0; k < token.length; k++) candidates.push(token.start + k);
      }
      const found = standInsAmong(placeholders, candidates, to, ages);
      if (found.length > 0) {
        standIns.push(...found);
        placeholders = [];
      }
      t += count;
    } else {
      for (let i = 0; i < count; i++) {
        const x = a[f + i]!;
        const y = b[t + i]!;
        for (let k = 0; k < x.length; k++) index[x.start + k] = y.start + k;
      }
      f += count;
      t += count;
      placeholders = [];
    }
  }
  return { index, standIns };
}

/**
 * The entries of a changed stretch of `to` (`candidates`, in order) that are copies of the
 * stretch's placeholders: all of them when the stretch holds nothing else (the oldest, when
 * placeholders do not say what they stood for), else each run of placeholders whose text is
 * known, where that text stands in the stretch (the copy was typed into around it).
 */
function standInsAmong(runs: string[][], candidates: number[], to: string[], ages?: number[]): number[] {
  const all = runs.flat();
  if (candidates.length === all.length && candidates.every((k, i) => standsFor(all[i]!, to[k]!)))
    return ages ? [...candidates].sort((x, y) => ages[x]! - ages[y]! || x - y) : candidates;
  // whole words of the stretch that are, in order, words of the runs
  const known = runs.filter((run) => run.every((key) => key.length > 1)).flatMap(wordsOf);
  const found: number[] = [];
  let next = 0;
  for (const word of tokens(candidates.map((k) => to[k]!))) {
    const at = known.indexOf(word.text, next);
    if (at < 0) continue;
    for (let k = 0; k < word.length; k++) found.push(candidates[word.start + k]!);
    next = at + 1;
  }
  return found;
}

/** The words (with the spaces before them) of a run of placeholders whose text is known. */
function wordsOf(run: string[]): string[] {
  return tokens(run.map((key) => key.slice(1))).map((t) => t.text);
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
    if (!isPlaceholder(from[i]!)) {
      if (j >= to.length || from[i] !== to[j]) return null;
      index[i++] = j++;
      continue;
    }
    let end = i;
    while (end < from.length && isPlaceholder(from[end]!)) end++;
    const run = end - i;
    const present = () => {
      for (let k = 0; k < run; k++) if (!standsFor(from[i + k]!, to[j + k]!)) return false;
      return true;
    };
    // absent is preferred when both fit: never delete what may be someone's text
    if (matchesAhead(from, end, to, j)) {
      i = end;
    } else if (j + run <= to.length && present() && matchesAhead(from, end, to, j + run)) {
      for (let k = 0; k < run; k++) standIns.push(j + k);
      i = end;
      j += run;
    } else {
      // characters whose text is known: the copy may hold some of them (deleted after the copy
      // was made) and not others (deleted before)
      const kept = keptOfRun(from.slice(i, end), to, j, (length) => matchesAhead(from, end, to, j + length));
      if (kept === null) return null;
      for (let k = 0; k < kept; k++) standIns.push(j + k);
      i = end;
      j += kept;
    }
  }
  return j === to.length ? { index, standIns } : null;
}

/**
 * How many entries of `to` from `j` are copies of some of the placeholders `run` (in order), when
 * every placeholder's text is known and what follows fits (`fits(length)`); the fewest that fit.
 */
function keptOfRun(run: string[], to: string[], j: number, fits: (length: number) => boolean): number | null {
  if (run.some((key) => key.length === 1)) return null;
  const words = wordsOf(run);
  for (let length = 1; length < run.length && j + length <= to.length; length++) {
    if (!fits(length)) continue;
    // whole words of the run, in order (a word of the copy that only begins like one is not)
    const next = to[j + length];
    if (next !== undefined && next !== ' ' && to[j + length - 1] !== ' ' && next.length === 1) continue;
    let w = 0;
    const all = tokens(to.slice(j, j + length)).every((token) => {
      while (w < words.length && words[w] !== token.text) w++;
      return w++ < words.length;
    });
    if (all) return length;
  }
  return null;
}

/** Whether the real keys of `from` from `i` (up to the next placeholder) are `to`'s from `j`. */
function matchesAhead(from: string[], i: number, to: string[], j: number): boolean {
  for (; i < from.length && !isPlaceholder(from[i]!); i++, j++) {
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
    const single = key.length === 1 && !isPlaceholder(key) && key !== OWN;
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
