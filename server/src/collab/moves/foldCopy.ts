import * as Y from 'yjs';
import type { UpdateContents } from './UnitView.js';
import { cloneRetained, cloneRetainedText } from './cloneRetained.js';
import { isPlaceholder, lineUp } from './lineUp.js';
import { carryInto, entryKey, type SourceEntry } from './listEdits.js';
import {
  attributeOf,
  attributesOf,
  clauseIdOf,
  enclosingType,
  heldType,
  isDeletedType,
  listItems,
} from './yjsInternals.js';

type AnyType = Y.AbstractType<any>;

/**
 * Two people moved one clause at once: the clause that reached the server first stays (`home`),
 * and the later copy (`copy`, made from `ghost`, the clause as its mover saw it) is folded into
 * it before it is removed. What the copy's author changed after copying (in the same update: an
 * editor that was offline sends everything at once) is what differs between the ghost as they
 * saw it and their copy; those changes are carried into `home` like any late edit. Run inside a
 * transaction; the caller deletes `copy`.
 */
export function foldCopy(
  ghost: Y.XmlElement,
  copy: Y.XmlElement,
  home: Y.XmlElement,
  update: UpdateContents,
  homeOf: (clauseId: string) => Y.XmlElement | undefined,
  /** when a ghost was found (GhostIndex.generationOf): the newer, the more recently seen */
  generationOf: (element: Y.XmlElement) => number | undefined,
): void {
  // a clause's live copy outside the copy being folded (one only inside it goes along with it)
  const inCopy = (element: Y.XmlElement) => {
    for (let type: Y.AbstractType<any> | null = element; type !== null; type = enclosingType(type)) {
      if (type === copy) return true;
    }
    return false;
  };
  const elsewhere: HomeOf = (id) => {
    const found = homeOf(id);
    return found && !inCopy(found) ? found : undefined;
  };
  foldUnit(ghost, copy, home, update, elsewhere, generationOf);
  const ghostClauses = retainedClauses(ghost, update, generationOf);
  const visit = (element: Y.XmlElement) => {
    for (const entry of copyEntries(element, update, false)) {
      const child = heldType(entry.item);
      if (!(child instanceof Y.XmlElement)) continue;
      const id = clauseIdOf(child);
      const twin = id === null ? undefined : ghostClauses.get(id);
      const target = id === null ? undefined : elsewhere(id);
      if (twin && target && !isDeletedType(target))
        foldUnit(twin, child, target, update, elsewhere, generationOf);
      visit(child);
    }
  };
  visit(copy);
}

type HomeOf = (clauseId: string) => Y.XmlElement | undefined;

function foldUnit(
  ghost: Y.XmlElement,
  copy: Y.XmlElement,
  home: Y.XmlElement,
  update: UpdateContents,
  homeOf: HomeOf,
  generationOf: (element: Y.XmlElement) => number | undefined,
): void {
  for (const [key, value] of Object.entries(attributesOf(copy))) {
    if (key === 'clauseId' || value === attributeOf(ghost, key) || value === home.getAttribute(key)) continue;
    home.setAttribute(key, value as string);
  }
  // (what had moved away from the ghost before it became one is not part of what its author saw)
  const unit = generationOf(ghost);
  const older = (element: Y.XmlElement) => {
    const found = generationOf(element);
    return found !== undefined && (unit === undefined || found < unit);
  };
  foldList(ghost, copy, home, update, homeOf, older);
}

function foldList(
  ghost: AnyType,
  copy: AnyType,
  home: AnyType,
  update: UpdateContents,
  homeOf: HomeOf,
  older: (element: Y.XmlElement) => boolean,
): void {
  const isText = ghost instanceof Y.XmlText;
  const base = seenEntries(ghost, update, isText).filter((e) => {
    const child = heldType(e.item);
    return !(child instanceof Y.XmlElement && older(child));
  });
  const copied = copyEntries(copy, update, isText);
  const matched = lineUp(
    base.map((e) => e.key),
    copied.map((e) => e.key),
    copied.map((e) => e.clock ?? e.item.id.clock),
  );
  const standIns = new Set(matched.standIns);
  const entries: SourceEntry[] = [];
  const twinInCopy = new Map<SourceEntry, SourceEntry>();
  let next = 0;
  const addNew = (until: number) => {
    for (; next < until; next++) {
      if (standIns.has(next)) continue;
      // a clause the author moved within their copy: the place it has stays (the first move
      // wins); what they changed in it is folded with it
      const id = clauseIdOf(heldType(copied[next]!.item));
      if (id !== null && homeOf(id)) continue;
      entries.push({ ...copied[next]!, role: 'new', deleted: false });
    }
  };
  base.forEach((entry, i) => {
    if (isPlaceholder(entry.key)) return;
    // a clause the author moved elsewhere in the same update is not deleted: it is folded itself
    const id = clauseIdOf(heldType(entry.item));
    if (id !== null && matched.index[i]! < 0 && update.createdClauseIds.has(id)) return;
    const j = matched.index[i]!;
    if (j >= 0) {
      addNew(j);
      next = j + 1;
      const seen = { ...entry };
      entries.push(seen);
      twinInCopy.set(seen, copied[j]!);
    } else {
      // the copy's author deleted it after copying
      entries.push({ ...entry, deleted: true });
    }
  });
  addNew(copied.length);
  const pairs = carryInto(home, isText, entries);
  if (isText) return;
  for (const { entry, twin } of pairs) {
    const ghostChild = heldType(entry.item);
    const copyChild = twinInCopy.get(entry) ? heldType(twinInCopy.get(entry)!.item) : null;
    const homeChild = heldType(twin.item);
    if (ghostChild && copyChild && homeChild && clauseIdOf(ghostChild) === null) {
      foldList(ghostChild, copyChild, homeChild, update, homeOf, older);
    }
  }
}

/**
 * The copy's list as its author left it: what is live, and (for a copy that landed in a ghost)
 * what the update created and did not delete. New elements come with a way to copy them.
 */
function copyEntries(list: AnyType, update: UpdateContents, isText: boolean): SourceEntry[] {
  const keeps = (item: Y.Item, clock: number) =>
    !update.deletes(item.id.client, clock) && (!item.deleted || update.creates(item.id.client, clock));
  const view = {
    role: (item: Y.Item, clock: number) => (keeps(item, clock) ? ('new' as const) : ('skip' as const)),
    deletes: () => false,
  };
  const entries: SourceEntry[] = [];
  for (const item of listItems(list)) {
    const content = item.content;
    if (content instanceof Y.ContentFormat || content instanceof Y.ContentDeleted) continue;
    if (isText && content instanceof Y.ContentString) {
      for (let i = 0; i < content.str.length; i++) {
        if (keeps(item, item.id.clock + i)) {
          entries.push({
            item,
            key: content.str[i]!,
            role: 'seen',
            deleted: false,
            clock: item.id.clock + i,
          });
        }
      }
      continue;
    }
    if (!keeps(item, item.id.clock)) continue;
    const child = heldType(item);
    const make =
      child instanceof Y.XmlElement
        ? () => cloneRetained(child, view)
        : child instanceof Y.XmlText
          ? () => cloneRetainedText(child, view)
          : undefined;
    entries.push({ item, key: entryKey(item, isText), role: 'seen', deleted: false, make });
  }
  return entries;
}

/** What the update's author saw of a ghost's list: the entries their move deleted. */
function seenEntries(list: AnyType, update: UpdateContents, isText: boolean): SourceEntry[] {
  const entries: SourceEntry[] = [];
  for (const item of listItems(list)) {
    const content = item.content;
    if (content instanceof Y.ContentFormat) continue;
    const length = isText && content instanceof Y.ContentString ? content.str.length : item.length;
    for (let i = 0; i < length; i++) {
      // what the author saw of the server's text: deleted by their move, not written by it
      if (
        !update.deletes(item.id.client, item.id.clock + i) ||
        update.creates(item.id.client, item.id.clock + i)
      )
        continue;
      if (content instanceof Y.ContentDeleted) {
        const key = update.placeholderKey(item.id.client, item.id.clock + i);
        if (key !== null) entries.push({ item, key, role: 'placeholder', deleted: false });
      } else if (isText && content instanceof Y.ContentString) {
        entries.push({ item, key: content.str[i]!, role: 'seen', deleted: false });
      } else {
        entries.push({ item, key: entryKey(item, isText), role: 'seen', deleted: false });
      }
    }
  }
  return entries;
}

/**
 * Every clause inside a ghost (kept deleted content included), by clause id: the one the
 * update's author saw (deleted by their update), not an older copy that had moved away before.
 */
function retainedClauses(
  ghost: Y.XmlElement,
  update: UpdateContents,
  generationOf: (element: Y.XmlElement) => number | undefined,
): Map<string, Y.XmlElement> {
  const found = new Map<string, Y.XmlElement>();
  // (an editor back online sends every deletion it knows: among the copies it deleted, the one
  // that became a ghost last is the one it saw)
  const rank = (element: Y.XmlElement) =>
    update.deletes(element._item!.id.client, element._item!.id.clock) ? (generationOf(element) ?? 0) + 1 : 0;
  const visit = (type: AnyType) => {
    for (const item of listItems(type)) {
      const child = heldType(item);
      if (!(child instanceof Y.XmlElement)) continue;
      const id = clauseIdOf(child);
      if (id !== null) {
        const current = found.get(id);
        if (!current || rank(child) > rank(current)) found.set(id, child);
      }
      visit(child);
    }
  };
  visit(ghost);
  return found;
}
