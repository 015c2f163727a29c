import * as Y from 'yjs';
import { diffArrays } from 'diff';
import { clauseIdOf, heldType, listItems } from './yjsInternals.js';

type AnyType = Y.AbstractType<any>;

/**
 * One character or child of the list changes are carried from:
 * - `seen`: shared with the live list, used to line the two up (`deleted`: delete its live twin);
 * - `placeholder`: something the server deleted that the editor still saw (its live twin goes);
 * - `new`: to insert into the live list (`make` builds the element or text to insert).
 */
export interface SourceEntry {
  item: Y.Item;
  key: string;
  role: 'seen' | 'new' | 'placeholder';
  deleted: boolean;
  make?: () => Y.XmlElement | Y.XmlText;
  /** the entry's Yjs clock (characters of one item differ) */
  clock?: number;
}

export interface LiveEntry {
  item: Y.Item;
  key: string;
  clock: number;
}

/** A change to a live list, at an index of that list as it was before any of them. */
type Edit =
  | { index: number; order: number; kind: 'delete' }
  | { index: number; order: number; kind: 'text'; text: string }
  | { index: number; order: number; kind: 'insert'; content: Y.XmlElement | Y.XmlText };

/** a placeholder never equals a real character or child key */
export const PLACEHOLDER = '\u0000';
const EMBED = '\uFFFC';

/** The live characters (one per UTF-16 unit, as Yjs counts) or children of a list. */
export function liveEntries(list: AnyType, isText: boolean): LiveEntry[] {
  const entries: LiveEntry[] = [];
  for (const item of listItems(list)) {
    if (item.deleted || !item.countable) continue;
    if (isText && item.content instanceof Y.ContentString) {
      for (let i = 0; i < item.content.str.length; i++) {
        entries.push({ item, key: item.content.str[i]!, clock: item.id.clock + i });
      }
      continue;
    }
    entries.push({ item, key: entryKey(item, isText), clock: item.id.clock });
  }
  return entries;
}

/** What lines a child up with its twin: node name and clause id (a text in a text list: itself). */
export function entryKey(item: Y.Item, isText: boolean): string {
  if (isText) return EMBED;
  const type = heldType(item);
  if (type instanceof Y.XmlElement) return `${type.nodeName}:${clauseIdOf(type) ?? ''}`;
  if (type instanceof Y.XmlText) return '#text';
  return EMBED;
}

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
  // placeholder's stand-in with a twin elsewhere, so try position by position first)
  const exact = positional(from, to);
  if (exact) return exact;
  // a copy typed into afterwards: line the copy's own characters up position by position, and
  // the typing falls in between
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
 * Carries `entries` into the live list `home`: lines the shared entries up with it, inserts new
 * entries after the nearest shared entry to their left that has a live twin, deletes the twins of
 * deleted shared entries and of placeholders. Returns each seen entry with its live twin (for
 * the caller to recurse into children). Run inside a transaction.
 */
export function carryInto(
  home: AnyType,
  isText: boolean,
  entries: SourceEntry[],
): Array<{ entry: SourceEntry; twin: LiveEntry }> {
  const live = liveEntries(home, isText);
  const shared = entries.filter((e) => e.role !== 'new');
  const block = isText ? initialBlock(home) : null;
  const matched = lineUp(
    shared.map((e) => e.key),
    live.map((h) => h.key),
    live.map((h) => h.clock),
    block
      ? live.map((h) => h.item.id.client === block.client && h.clock >= block.from && h.clock < block.to)
      : undefined,
  );
  const edits: Edit[] = [];
  let order = 0;
  shared.forEach((entry, i) => {
    if (entry.deleted && matched.index[i]! >= 0)
      edits.push({ index: matched.index[i]!, order: order++, kind: 'delete' });
  });
  for (const index of matched.standIns) edits.push({ index, order: order++, kind: 'delete' });

  let sharedBefore = 0;
  let text = '';
  let textIndex = -1;
  const flush = () => {
    if (text) edits.push({ index: textIndex, order: order++, kind: 'text', text });
    text = '';
  };
  for (const entry of entries) {
    if (entry.role !== 'new') {
      flush();
      sharedBefore++;
      continue;
    }
    const index = insertionIndex(matched.index, sharedBefore);
    if (isText) {
      if (text && textIndex !== index) flush();
      textIndex = index;
      text += entry.key;
    } else if (entry.make) {
      edits.push({ index, order: order++, kind: 'insert', content: entry.make() });
    }
  }
  flush();
  applyEdits(home, edits);

  const pairs: Array<{ entry: SourceEntry; twin: LiveEntry }> = [];
  shared.forEach((entry, i) => {
    const twin = matched.index[i]! >= 0 ? live[matched.index[i]!] : undefined;
    if (twin && entry.role === 'seen' && !twin.item.deleted) pairs.push({ entry, twin });
  });
  return pairs;
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
    if (j >= to.length || to[j] !== from[i]) return false;
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
    const single = key.length === 1 && key !== PLACEHOLDER;
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

/**
 * The clocks of the text a Yjs text was created with (written right after the text itself, by the
 * same client): in a moved clause's copy, the copied text, as opposed to what was typed later.
 */
function initialBlock(text: AnyType): { client: number; from: number; to: number } | null {
  const item = text._item;
  if (!item) return null;
  const structs = text.doc?.store.clients.get(item.id.client);
  if (!structs) return null;
  const from = item.id.clock + item.length;
  let clock = from;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i]!;
    if (!(struct instanceof Y.Item) || struct.parent !== text || struct.id.clock !== clock) break;
    clock += struct.length;
  }
  return { client: item.id.client, from, to: clock };
}

function insertionIndex(matched: Int32Array, sharedBefore: number): number {
  for (let k = sharedBefore - 1; k >= 0; k--) if (matched[k]! >= 0) return matched[k]! + 1;
  return 0;
}

/** Applies edits from the end of the list backwards, so every index still means what it did. */
function applyEdits(home: AnyType, edits: Edit[]): void {
  const rank = (e: Edit) => (e.kind === 'delete' ? 0 : 1);
  edits.sort((a, b) => b.index - a.index || rank(a) - rank(b) || b.order - a.order);
  const deleted = new Set<number>();
  for (const edit of edits) {
    if (edit.kind === 'delete') {
      if (deleted.has(edit.index)) continue;
      deleted.add(edit.index);
      (home as Y.XmlText | Y.XmlElement).delete(edit.index, 1);
    } else if (edit.kind === 'text') {
      (home as Y.XmlText).insert(edit.index, edit.text);
    } else {
      (home as Y.XmlElement).insert(edit.index, [edit.content as Y.XmlElement]);
    }
  }
}
