import * as Y from 'yjs';
import type { UnitView } from './UnitView.js';
import { cloneRetained, cloneRetainedText } from './cloneRetained.js';
import { OWN } from './lineUp.js';
import { carryInto, entryKey, type SourceEntry } from './listEdits.js';
import { attributeOf, clauseIdOf, heldType, listItems } from './yjsInternals.js';

type AnyType = Y.AbstractType<any>;

/**
 * Carries one clause's changes from its ghost (a deleted copy left by a move) into its live copy:
 * what the view calls new is inserted after the nearest shared entry to its left, the live twins
 * of what it deleted are deleted (see carryInto). Recurses into children that are not clauses
 * themselves (headings, paragraphs, text); a clause inside is its own unit. Run inside a
 * transaction. Ghost elements it copied in are added to `copied`.
 */
export function translateUnit(
  ghost: Y.XmlElement,
  home: Y.XmlElement,
  view: UnitView,
  copied: Set<Y.XmlElement>,
  movedAwayBefore: (child: Y.Item) => boolean,
): void {
  for (const key of ghost._map.keys()) {
    if (key === 'clauseId') continue;
    const entry = ghost._map.get(key)!;
    if (view.role(entry, entry.id.clock) !== 'new') continue;
    const value = attributeOf(ghost, key);
    if (value !== undefined && home.getAttribute(key) !== value) home.setAttribute(key, value as string);
  }
  translateList(ghost, home, view, copied, movedAwayBefore);
}

function translateList(
  ghost: AnyType,
  home: AnyType,
  view: UnitView,
  copied: Set<Y.XmlElement>,
  movedAwayBefore: (child: Y.Item) => boolean,
): void {
  const isText = ghost instanceof Y.XmlText;
  const entries = ghostEntries(ghost, view, isText, copied).filter((e) => !movedAwayBefore(e.item));
  const changes = entries.some((e) => e.role !== 'seen' || e.deleted);
  if (isText && !changes) return;
  const pairs = carryInto(home, isText, changes ? entries : entries.filter((e) => e.role === 'seen'));
  if (isText) return;
  // children both copies have, that are not clauses of their own: their lists too
  for (const { entry, twin } of pairs) {
    const ghostChild = heldType(entry.item);
    const homeChild = heldType(twin.item);
    if (ghostChild && homeChild && clauseIdOf(ghostChild) === null)
      translateList(ghostChild, homeChild, view, copied, movedAwayBefore);
  }
}

function ghostEntries(
  list: AnyType,
  view: UnitView,
  isText: boolean,
  copied: Set<Y.XmlElement>,
): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const item of listItems(list)) {
    const content = item.content;
    if (content instanceof Y.ContentFormat) continue;
    if (isText && content instanceof Y.ContentString) {
      for (let i = 0; i < content.str.length; i++) {
        const clock = item.id.clock + i;
        const role = view.role(item, clock);
        if (role !== 'skip' && role !== 'own')
          entries.push({ item, key: content.str[i]!, role, deleted: view.deletes(item, clock) });
      }
      continue;
    }
    if (content instanceof Y.ContentDeleted) {
      for (let i = 0; i < content.len; i++) {
        const role = view.role(item, item.id.clock + i);
        if (role === 'placeholder') {
          const key = view.placeholderKey(item, item.id.clock + i);
          entries.push({ item, key, role: 'placeholder', deleted: false });
        } else if (role === 'own') {
          entries.push({ item, key: OWN, role: 'seen', deleted: false });
        }
      }
      continue;
    }
    const role = view.role(item, item.id.clock);
    if (role === 'skip' || role === 'own') continue;
    const child = heldType(item);
    const make =
      child instanceof Y.XmlElement
        ? () => {
            copied.add(child);
            return cloneRetained(child, view);
          }
        : child instanceof Y.XmlText
          ? () => cloneRetainedText(child, view)
          : undefined;
    entries.push({
      item,
      key: entryKey(item, isText),
      role,
      deleted: view.deletes(item, item.id.clock),
      make,
    });
  }
  return entries;
}
