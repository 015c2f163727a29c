import * as Y from 'yjs';
import type { GhostIndex } from './GhostIndex.js';
import { UpdateContents, moveView, staleView, type DecodedUpdate } from './UnitView.js';
import { translateUnit } from './translateUnit.js';
import { clauseIdOf, enclosingType, heldType, isDeletedType, parentType } from './yjsInternals.js';

interface Unit {
  ghost: Y.XmlElement;
  home: Y.XmlElement;
}

/** What a repair did, for the log and the tests. */
export interface MoveRepairReport {
  /** moves whose copy received what its mover had not seen */
  moves: number;
  /** clauses whose live copy received edits made in a ghost */
  carried: number;
  /** duplicate copies from concurrent moves of one clause, removed */
  merged: number;
}

/**
 * Keeps DESIGN.md's promise that nothing typed is lost when clauses move (Yjs moves by deleting
 * and copying). After each client update it:
 * 1. completes moves the update made: what others had typed into the clause, which the mover
 *    had not yet seen, goes into the copy; what others had deleted from it is deleted there;
 * 2. carries edits the update made inside ghosts (copies a move left behind, by a client that
 *    had not yet seen the move) into the live clause, at the corresponding place;
 * 3. resolves concurrent moves of one clause: the copy that reached the server first stays,
 *    later copies are removed (their content is the same clause; anything typed into them
 *    afterwards is carried over by step 2).
 * A move and a concurrent deletion of the same clause: the move wins (a deletion of a ghost is
 * not carried over), so no text disappears because two people acted on one clause at once.
 * All of it is one server change that every client receives.
 */
export class MoveRepair {
  constructor(
    private readonly doc: Y.Doc,
    private readonly ghosts: GhostIndex,
  ) {}

  /** Call before applying a client's update: what was found before is not the update's doing. */
  beforeClientUpdate(): void {
    this.ghosts.takeFound();
  }

  afterClientUpdate(decoded: DecodedUpdate, origin: unknown): MoveRepairReport | null {
    const found = this.ghosts.takeFound();
    if (this.ghosts.size === 0) return null;
    const update = new UpdateContents(decoded);
    const live = this.ghosts.liveClauses();
    const homeOf = (clauseId: string): Y.XmlElement | undefined => {
      const homes = live.get(clauseId);
      // between a concurrent move and its repair: the copy that was there first
      return homes?.find((h) => !update.creates(h._item!.id.client, h._item!.id.clock)) ?? homes?.[0];
    };

    const moved = new Set(found.map((f) => f.ghost));
    const stale = new Map<Y.XmlElement, Unit>();
    const staleClauseIds = new Set<string>();
    const consider = (item: Y.Item) => {
      const unit = this.unitOf(item, homeOf);
      if (!unit || moved.has(unit.ghost)) return;
      // the update deleted the ghost itself: a deletion (or a move) of the clause by someone who
      // had not seen it move. The move wins: nothing of that is carried over.
      const root = unit.ghost._item!;
      if (update.deletes(root.id.client, root.id.clock)) return;
      stale.set(unit.ghost, unit);
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
          const id = clauseIdOf(heldType(item));
          if (id !== null) staleClauseIds.add(id);
        });
      }
    }
    const duplicates = this.concurrentCopies(update, live, staleClauseIds);
    if (found.length === 0 && stale.size === 0 && duplicates.length === 0) return null;

    const report: MoveRepairReport = { moves: 0, carried: 0, merged: 0 };
    const copied = new Set<Y.XmlElement>();
    this.doc.transact(() => {
      const mover = moveView(update);
      for (const { ghost, home } of found) {
        if (isDeletedType(home) || this.within(ghost, copied)) continue;
        translateUnit(ghost, home, mover, copied);
        report.moves++;
      }
      const carrier = staleView(update);
      for (const { ghost, home } of stale.values()) {
        if (isDeletedType(home)) continue;
        translateUnit(ghost, home, carrier, copied);
        report.carried++;
      }
      for (const copy of duplicates) {
        const parent = parentType(copy._item!);
        if (!parent || copy._item!.deleted) continue;
        (parent as Y.XmlElement).delete(indexIn(parent, copy._item!), 1);
        report.merged++;
      }
    }, origin);
    return report;
  }

  /**
   * The nearest clause around an item that is a ghost with a live copy (null when the item is in
   * live text, or in a clause deleted for good).
   */
  private unitOf(item: Y.Item, homeOf: (clauseId: string) => Y.XmlElement | undefined): Unit | null {
    for (let type = parentType(item); type !== null; type = enclosingType(type)) {
      if (!isDeletedType(type)) return null;
      const id = clauseIdOf(type);
      if (id === null) continue;
      const home = homeOf(id);
      if (home && home !== type) return { ghost: type as Y.XmlElement, home };
    }
    return null;
  }

  /**
   * Copies of one clause made by this update while another live copy already existed and the
   * update deleted a ghost of it: two people moved the same clause at once.
   */
  private concurrentCopies(
    update: UpdateContents,
    live: Map<string, Y.XmlElement[]>,
    staleClauseIds: Set<string>,
  ): Y.XmlElement[] {
    const copies: Y.XmlElement[] = [];
    for (const id of staleClauseIds) {
      const homes = live.get(id);
      if (!homes || homes.length < 2) continue;
      const made = homes.filter((h) => update.creates(h._item!.id.client, h._item!.id.clock));
      if (made.length < homes.length) copies.push(...made);
    }
    return copies;
  }

  private within(element: Y.XmlElement, copied: Set<Y.XmlElement>): boolean {
    for (let type: Y.AbstractType<any> | null = element; type !== null; type = enclosingType(type)) {
      if (copied.has(type as Y.XmlElement)) return true;
    }
    return false;
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

function indexIn(parent: Y.AbstractType<any>, item: Y.Item): number {
  let index = 0;
  for (let current = parent._start; current !== null && current !== item; current = current.right) {
    if (!current.deleted && current.countable) index += current.length;
  }
  return index;
}
