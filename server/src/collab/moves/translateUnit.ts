import * as Y from 'yjs';
import { diffArrays } from 'diff';
import type { UnitView } from './UnitView.js';
import { cloneRetained } from './cloneRetained.js';
import { attributeOf, clauseIdOf, heldType, listItems } from './yjsInternals.js';

type AnyType = Y.AbstractType<any>;

/** One character or child of a ghost's list, as the view sees it. */
interface GhostEntry {
  item: Y.Item;
  clock: number;
  key: string;
  role: 'seen' | 'new' | 'placeholder';
  deleted: boolean;
}

/** A change to a live list, at an index of that list as it was before any of them. */
type Edit =
  | { index: number; order: number; kind: 'delete' }
  | { index: number; order: number; kind: 'text'; text: string }
  | { index: number; order: number; kind: 'element'; element: Y.XmlElement };

// a placeholder never equals a real character or child key
const PLACEHOLDER = '\u0000';
const EMBED = '\uFFFC';

/**
 * Carries one clause's changes from its ghost (a deleted copy left by a move) into its live copy:
 * lines the two lists up (characters by a character diff, children by node name and clause id),
 * then inserts what the view calls new after the nearest shared entry to its left, and deletes
 * the live counterparts of what it deleted. Recurses into children that are not clauses
 * themselves (headings, paragraphs, text); a clause inside is its own unit. Run inside a
 * transaction. Elements it copied in are added to `copied`.
 */
export function translateUnit(
  ghost: Y.XmlElement,
  home: Y.XmlElement,
  view: UnitView,
  copied: Set<Y.XmlElement>,
): void {
  for (const key of ghost._map.keys()) {
    if (key === 'clauseId') continue;
    const entry = ghost._map.get(key)!;
    if (view.role(entry, entry.id.clock) !== 'new') continue;
    const value = attributeOf(ghost, key);
    if (value !== undefined && home.getAttribute(key) !== value) home.setAttribute(key, value as string);
  }
  translateList(ghost, home, view, copied);
}

function translateList(ghost: AnyType, home: AnyType, view: UnitView, copied: Set<Y.XmlElement>): void {
  const isText = ghost instanceof Y.XmlText;
  const entries = ghostEntries(ghost, view, isText);
  if (!entries.some((e) => e.role !== 'seen' || e.deleted) && !hasNewInside(entries)) return;
  const homeItems: Array<{ item: Y.Item; key: string }> = liveEntries(home, isText);
  const shared = entries.filter((e) => e.role !== 'new');
  const matched = lineUp(
    shared.map((e) => e.key),
    homeItems.map((h) => h.key),
  );

  const edits: Edit[] = [];
  let order = 0;
  // deletions: the live counterparts of what the update deleted, and of placeholders
  shared.forEach((entry, i) => {
    if (entry.deleted && matched.homeIndex[i]! >= 0)
      edits.push({ index: matched.homeIndex[i]!, order: order++, kind: 'delete' });
  });
  for (const index of matched.homeToDelete) edits.push({ index, order: order++, kind: 'delete' });
  // insertions: after the nearest shared entry to the left that has a live counterpart
  let sharedBefore = 0;
  let pendingText = '';
  let pendingIndex = -1;
  const flushText = () => {
    if (pendingText) edits.push({ index: pendingIndex, order: order++, kind: 'text', text: pendingText });
    pendingText = '';
  };
  for (const entry of entries) {
    if (entry.role !== 'new') {
      flushText();
      sharedBefore++;
      continue;
    }
    const index = insertionIndex(matched.homeIndex, sharedBefore);
    if (isText) {
      if (pendingText && pendingIndex !== index) flushText();
      pendingIndex = index;
      pendingText += entry.key;
    } else {
      const child = heldType(entry.item);
      if (child instanceof Y.XmlElement) {
        copied.add(child);
        edits.push({ index, order: order++, kind: 'element', element: cloneRetained(child, view) });
      } else if (child instanceof Y.XmlText) {
        const wrapper = new Y.XmlText();
        wrapper.insert(0, textOf(child, view));
        edits.push({ index, order: order++, kind: 'element', element: wrapper as unknown as Y.XmlElement });
      }
    }
  }
  flushText();
  applyEdits(home, edits);

  // children both copies have, that are not clauses of their own: their lists too
  if (!isText) {
    shared.forEach((entry, i) => {
      const homeIndex = matched.homeIndex[i]!;
      if (homeIndex < 0 || entry.role !== 'seen') return;
      const ghostChild = heldType(entry.item);
      const homeChild = heldType(homeItems[homeIndex]!.item);
      if (!ghostChild || !homeChild || clauseIdOf(ghostChild) !== null) return;
      if (homeChild._item?.deleted) return;
      translateList(ghostChild, homeChild, view, copied);
    });
  }
}

/** Any seen non-clause child may hold changes further down. */
function hasNewInside(entries: GhostEntry[]): boolean {
  return entries.some(
    (e) => e.item.content instanceof Y.ContentType && clauseIdOf(heldType(e.item)) === null,
  );
}

function ghostEntries(list: AnyType, view: UnitView, isText: boolean): GhostEntry[] {
  const entries: GhostEntry[] = [];
  for (const item of listItems(list)) {
    const content = item.content;
    if (content instanceof Y.ContentFormat) continue;
    if (isText && content instanceof Y.ContentString) {
      for (let i = 0; i < content.str.length; i++) {
        const role = view.role(item, item.id.clock + i);
        if (role !== 'skip')
          entries.push({
            item,
            clock: item.id.clock + i,
            key: content.str[i]!,
            role,
            deleted: view.deletes(item, item.id.clock + i),
          });
      }
      continue;
    }
    if (content instanceof Y.ContentDeleted) {
      for (let i = 0; i < content.len; i++) {
        const role = view.role(item, item.id.clock + i);
        if (role === 'placeholder')
          entries.push({ item, clock: item.id.clock + i, key: PLACEHOLDER, role, deleted: false });
      }
      continue;
    }
    const role = view.role(item, item.id.clock);
    if (role === 'skip') continue;
    entries.push({
      item,
      clock: item.id.clock,
      key: entryKey(item, isText),
      role,
      deleted: view.deletes(item, item.id.clock),
    });
  }
  return entries;
}

function liveEntries(list: AnyType, isText: boolean): Array<{ item: Y.Item; key: string }> {
  const entries: Array<{ item: Y.Item; key: string }> = [];
  for (const item of listItems(list)) {
    if (item.deleted || !item.countable) continue;
    if (isText && item.content instanceof Y.ContentString) {
      // one entry per UTF-16 unit, as Yjs counts positions
      for (let i = 0; i < item.content.str.length; i++) entries.push({ item, key: item.content.str[i]! });
      continue;
    }
    entries.push({ item, key: entryKey(item, isText) });
  }
  return entries;
}

function entryKey(item: Y.Item, isText: boolean): string {
  if (isText) return EMBED;
  const type = heldType(item);
  if (type instanceof Y.XmlElement) return `${type.nodeName}:${clauseIdOf(type) ?? ''}`;
  if (type instanceof Y.XmlText) return '#text';
  return EMBED;
}

/**
 * Lines up the ghost's shared entries with the live list: for each shared entry the live index
 * it matches (-1 if none), and the live entries to delete because they stand where the server
 * had deleted what the update's author still saw (placeholders).
 */
function lineUp(ghostKeys: string[], homeKeys: string[]): { homeIndex: Int32Array; homeToDelete: number[] } {
  const homeIndex = new Int32Array(ghostKeys.length).fill(-1);
  const homeToDelete: number[] = [];
  // (arrays, not diffChars: that one counts code points, Yjs counts UTF-16 units)
  const parts = diffArrays(ghostKeys, homeKeys).map((p) => ({ ...p, count: p.value.length }));
  let g = 0;
  let h = 0;
  let placeholders = 0;
  for (const part of parts) {
    if (part.removed) {
      for (let i = 0; i < part.count; i++) if (ghostKeys[g + i] === PLACEHOLDER) placeholders++;
      g += part.count;
    } else if (part.added) {
      const n = Math.min(placeholders, part.count);
      for (let i = 0; i < n; i++) homeToDelete.push(h + i);
      placeholders -= n;
      h += part.count;
    } else {
      for (let i = 0; i < part.count; i++) homeIndex[g + i] = h + i;
      g += part.count;
      h += part.count;
      placeholders = 0;
    }
  }
  return { homeIndex, homeToDelete };
}

function insertionIndex(homeIndex: Int32Array, sharedBefore: number): number {
  for (let k = sharedBefore - 1; k >= 0; k--) if (homeIndex[k]! >= 0) return homeIndex[k]! + 1;
  return 0;
}

function textOf(text: Y.XmlText, view: UnitView): string {
  let out = '';
  for (const item of listItems(text)) {
    if (!(item.content instanceof Y.ContentString)) continue;
    for (let i = 0; i < item.content.str.length; i++) {
      if (view.role(item, item.id.clock + i) === 'new') out += item.content.str[i];
    }
  }
  return out;
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
      (home as Y.XmlElement).insert(edit.index, [edit.element]);
    }
  }
}
