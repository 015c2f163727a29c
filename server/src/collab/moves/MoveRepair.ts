import * as Y from 'yjs';
import type { GhostIndex } from './GhostIndex.js';
import { UpdateContents, moveView, staleView, type DecodedUpdate } from './UnitView.js';
import { translateUnit } from './translateUnit.js';
import { foldCopy } from './foldCopy.js';
import { cloneRetained } from './cloneRetained.js';
import {
  clauseIdOf,
  enclosingType,
  hasEnclosing,
  heldType,
  isDeletedType,
  parentType,
} from './yjsInternals.js';
import { insertBefore, removeElement } from './treeEdits.js';

/** The innermost deleted clause of a chain whose id lives on: the ghost edits are carried from. */
function nearestWithHome(
  chain: Y.XmlElement[],
  live: Map<string, Y.XmlElement[]>,
): { ghost: Y.XmlElement; home: Y.XmlElement } | null {
  for (const ghost of chain) {
    const home = live.get(clauseIdOf(ghost)!)?.[0];
    if (home) return { ghost, home };
  }
  return null;
}

/** What a repair did, for the log and the tests. */
export interface MoveRepairReport {
  /** moves whose copy received what its mover had not seen */
  moves: number;
  /** clauses whose live copy received edits made in a ghost */
  carried: number;
  /** copies from concurrent moves of one clause, folded into the one that stays */
  merged: number;
}

/**
 * Keeps DESIGN.md's promise that nothing typed is lost when clauses move (Yjs moves by deleting
 * and copying). After each client update it:
 * 1. completes moves the update made: what others had typed into the clause, which the mover
 *    had not yet seen, goes into the copy; what others had deleted from it is deleted there;
 * 2. carries edits the update made inside ghosts (copies a move left behind, edited by a client
 *    that had not yet seen the move) into the live clause, at the corresponding place;
 * 3. resolves concurrent moves of one clause: the clause as the server had it stays where it is
 *    (the first move to arrive wins), and the later copy is folded into it: what its author
 *    changed after copying is carried over, then the copy is removed. When the later move took
 *    the clause along inside a moved chapter without having seen the first move, the clause
 *    goes where that chapter went, with the server's text and the author's changes.
 * A move and a concurrent deletion of the same clause: the move wins (a deletion of a ghost is
 * not carried over), so no text disappears because two people acted on one clause at once.
 * All of it is one server change that every client receives.
 */
export class MoveRepair {
  /** live clauses before the update being applied, when it creates clauses (else null) */
  private before: Map<string, Y.XmlElement[]> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly ghosts: GhostIndex,
  ) {}

  /** Call before applying a client's update. */
  beforeClientUpdate(decoded: DecodedUpdate): void {
    this.ghosts.takeFound();
    // only an update that creates clauses (a move, a split, a paste) can be a concurrent move
    this.before = createsClauses(decoded) ? this.ghosts.liveClauses() : null;
  }

  afterClientUpdate(
    decoded: DecodedUpdate,
    origin: unknown,
    kind: 'update' | 'sync-step-2' = 'update',
  ): MoveRepairReport | null {
    const found = this.ghosts.takeFound();
    const before = this.before;
    this.before = null;
    if (this.ghosts.size === 0) return null;
    const update = new UpdateContents(decoded, kind === 'sync-step-2', (client, clock) =>
      this.ghosts.deletedText.charAt(client, clock),
    );
    const made = (element: Y.XmlElement) => update.creates(element._item!.id.client, element._item!.id.clock);
    // (a walk of the whole document: only when something needs a clause's live copy)
    let live: Map<string, Y.XmlElement[]> | undefined;
    const homeOf = (clauseId: string): Y.XmlElement | undefined => {
      live ??= this.ghosts.liveClauses();
      const homes = live.get(clauseId);
      return homes?.find((h) => !made(h)) ?? homes?.[0];
    };

    // clauses the update copied while the server had them elsewhere: concurrent moves
    const created = new Map<string, Y.XmlElement[]>();
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      const element = heldType(Y.getItem(this.doc.store, struct.id) as Y.Item);
      const id = clauseIdOf(element);
      // (a copy the update deleted again is a step of its author's own moves, not a copy)
      if (id === null || !before?.has(id) || update.deletes(struct.id.client, struct.id.clock)) continue;
      created.set(id, [...(created.get(id) ?? []), element as Y.XmlElement]);
    }
    /** per clause: the copies to fold, and the clause they fold into (none: it went away) */
    const copies = new Map<string, Y.XmlElement[]>();
    const foldTargets = new Map<string, Y.XmlElement>();
    for (const [id, elements] of created) {
      const original = before!.get(id)![0]!;
      if (!update.deletes(original._item!.id.client, original._item!.id.clock)) {
        copies.set(id, elements);
        if (!original._item!.deleted) foldTargets.set(id, original);
      } else if (elements.length > 1) {
        // the author moved the clause from an old view, then saw the server's and moved that
        // too: the last copy is the move of what the server had, the earlier ones fold into it
        const latest = elements.reduce((a, b) => (a._item!.id.clock > b._item!.id.clock ? a : b));
        copies.set(
          id,
          elements.filter((e) => e !== latest),
        );
        foldTargets.set(id, latest);
      }
    }
    const isCopy = (element: Y.XmlElement) => {
      const id = clauseIdOf(element);
      return id !== null && (copies.get(id)?.includes(element) ?? false);
    };

    const moved = new Set(found.map((f) => f.ghost));
    /** for each item in a ghost the update touched: the deleted clauses around it, innermost first */
    const touched = new Map<Y.AbstractType<any>, Y.XmlElement[]>();
    /** ghosts the update deleted (it moved or deleted a clause late): what its author saw */
    const seenGhosts = new Map<string, Y.XmlElement[]>();
    const consider = (item: Y.Item) => {
      const list = parentType(item);
      if (list && !touched.has(list)) touched.set(list, this.deletedClausesAround(list));
    };
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Item)
        this.forEachStored(struct.id.client, struct.id.clock, struct.length, (item) => {
          if (item.deleted) consider(item);
        });
    }
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        this.forEachStored(client, range.clock, range.len, (item) => {
          if (!item.deleted || update.creates(item.id.client, item.id.clock)) return;
          consider(item);
          const type = heldType(item);
          const id = clauseIdOf(type);
          if (id !== null) seenGhosts.set(id, [...(seenGhosts.get(id) ?? []), type as Y.XmlElement]);
        });
      }
    }
    for (const [list, chain] of touched) if (chain.length === 0) touched.delete(list);
    if (found.length === 0 && touched.size === 0 && copies.size === 0) return null;

    const report: MoveRepairReport = { moves: 0, carried: 0, merged: 0 };
    const copied = new Set<Y.XmlElement>();
    /**
     * copies of a clause that went away with its container while the copy landed in a container
     * that had moved too: folded once steps 1 and 2 have carried the clause where it goes
     */
    const deferred = new Map<string, { seen: Y.XmlElement; copies: Y.XmlElement[] }>();
    const skip = (child: Y.Item, ghost: Y.XmlElement) => {
      if (this.ghosts.movedAwayBefore(child, ghost)) return true;
      // a clause moved at once by this update and by someone before: the fold takes care of it
      const held = heldType(child);
      const id = clauseIdOf(held);
      if (id === null) return false;
      const later = deferred.get(id);
      return later ? later.copies.includes(held as Y.XmlElement) : copies.has(id);
    };
    this.doc.transact(() => {
      // 3. first: the copies of concurrent moves
      for (const [id, all] of copies) {
        const original = before!.get(id)![0]!;
        const target = foldTargets.get(id);
        // what the copies' author saw: a ghost of the clause their update deleted
        // (an editor back online sends all the deletions it knows: the newest ghost is the one it
        // saw last)
        const candidates = (seenGhosts.get(id) ?? []).filter((g) => g !== target && g !== original);
        const newest = (g: Y.XmlElement) => this.ghosts.generationOf(g) ?? -1;
        const seen = candidates.reduce<Y.XmlElement | undefined>(
          (best, g) => (best && newest(best) >= newest(g) ? best : g),
          undefined,
        );
        // a clause inside a copied chapter is folded with the chapter
        const elements = all.filter((e) => !hasEnclosing(e, (t) => t instanceof Y.XmlElement && isCopy(t)));
        if (!seen || elements.length === 0) continue;
        if (target) {
          for (const copy of elements)
            foldCopy(seen, copy, target, update, homeOf, (g) => this.ghosts.generationOf(g));
        } else {
          // the clause went away with its (moved) container: it follows the container's copy
          const place = elements.find((e) => !isDeletedType(e) && !hasEnclosing(e, isDeletedType));
          if (!place) {
            deferred.set(id, { seen, copies: elements });
            continue;
          }
          const restored = cloneRetained(original, moveView(update));
          copied.add(original);
          insertBefore(place, restored);
          foldCopy(seen, place, restored, update, homeOf, (g) => this.ghosts.generationOf(g));
        }
        for (const copy of elements) if (!isDeletedType(copy)) removeElement(copy);
        report.merged++;
      }
      // 1. moves
      const mover = moveView(update);
      // (a copy that landed inside a moved clause gets its place in step 2: completed after it)
      const later: Y.XmlElement[] = [];
      for (const { ghost, home } of found) {
        if (isCopy(home) || copied.has(ghost) || hasEnclosing(ghost, (t) => copied.has(t as Y.XmlElement)))
          continue;
        if (isDeletedType(home)) later.push(ghost);
        else {
          translateUnit(ghost, home, mover, copied, (child) => skip(child, ghost));
          report.moves++;
        }
      }
      // 2. late edits in ghosts, carried to where each clause lives now
      const carrier = staleView(update);
      const informed = staleView(update, true);
      const liveNow = this.ghosts.liveClauses();
      const stale = new Map<Y.XmlElement, { home: Y.XmlElement; sawMove: boolean }>();
      for (const chain of touched.values()) {
        const unit = nearestWithHome(chain, liveNow);
        if (!unit || moved.has(unit.ghost) || isCopy(unit.ghost)) continue;
        // the update deleted the ghost itself: a deletion (or a move) of the clause by someone who
        // had not seen it move. The move wins: nothing of that is carried over. (An editor's
        // catch-up on reconnecting lists every deletion it knows: there the ghost's deletion is
        // the move, which its editor learnt before sending; see staleView.)
        const root = unit.ghost._item!;
        const deletesGhost = update.deletes(root.id.client, root.id.clock);
        if (deletesGhost && !update.wholeDeleteSet) continue;
        stale.set(unit.ghost, { home: unit.home, sawMove: deletesGhost });
      }
      for (const [ghost, { home, sawMove }] of stale) {
        translateUnit(ghost, home, sawMove ? informed : carrier, copied, (child) => skip(child, ghost));
        report.carried++;
      }
      for (const [id, { seen, copies: elements }] of deferred) {
        const target = this.ghosts
          .liveClauses()
          .get(id)
          ?.find((e) => !elements.includes(e));
        if (!target) continue;
        for (const copy of elements)
          foldCopy(seen, copy, target, update, homeOf, (g) => this.ghosts.generationOf(g));
        for (const copy of elements) if (!isDeletedType(copy)) removeElement(copy);
        report.merged++;
      }
      if (later.length > 0) {
        const placed = this.ghosts.liveClauses();
        for (const ghost of later) {
          const home = placed.get(clauseIdOf(ghost)!)?.[0];
          if (!home) continue;
          translateUnit(ghost, home, mover, copied, (child) => skip(child, ghost));
          report.moves++;
        }
      }
    }, origin);
    return report;
  }

  /** The deleted clauses around a list, innermost first (empty when the list is live). */
  private deletedClausesAround(list: Y.AbstractType<any>): Y.XmlElement[] {
    const chain: Y.XmlElement[] = [];
    for (let type: Y.AbstractType<any> | null = list; type !== null; type = enclosingType(type)) {
      if (!isDeletedType(type)) break;
      if (clauseIdOf(type) !== null) chain.push(type as Y.XmlElement);
    }
    return chain;
  }

  /** Calls `visit` for each stored item covering the clock range (GC'd ranges are skipped). */
  private forEachStored(client: number, clock: number, length: number, visit: (item: Y.Item) => void): void {
    const end = clock + length;
    const structs = this.doc.store.clients.get(client);
    if (!structs) return;
    let index = Y.findIndexSS(structs, clock);
    while (index < structs.length) {
      const struct = structs[index]!;
      if (struct.id.clock >= end) break;
      if (struct instanceof Y.Item) visit(struct);
      index++;
    }
  }
}

/** Whether an update creates an element with a clause id (its first clauseId attribute). */
function createsClauses(decoded: DecodedUpdate): boolean {
  return decoded.structs.some((s) => s instanceof Y.Item && s.parentSub === 'clauseId');
}
