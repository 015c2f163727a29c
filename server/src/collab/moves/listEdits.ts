import * as Y from 'yjs';
import { clauseIdOf, heldType, listItems } from './yjsInternals.js';
import { lineUp } from './lineUp.js';

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
