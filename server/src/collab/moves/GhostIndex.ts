import * as Y from 'yjs';
import { SERVER_CLIENT_IDS } from '@accord/shared';
import { DeletedText } from './DeletedText.js';
import { clauseIdOf, heldType, isDeletedType, listItems, parentType } from './yjsInternals.js';

/** A clause's removed copy (a ghost) and the live clause with its id (its home). */
export interface GhostAndHome {
  ghost: Y.XmlElement;
  home: Y.XmlElement;
}

/**
 * The removed copies of moved clauses. Yjs has no move: a move deletes the clause and inserts a
 * copy with the same clause id. A collaborator who had not yet seen the move keeps typing into
 * the deleted copy; to carry that text to the clause's new place, the server must keep the
 * deleted copy's content, which Yjs would otherwise garbage-collect. A deleted clause whose id
 * lives on elsewhere is a ghost: it and everything in it are kept (gcFilter), and the state the
 * server stores keeps them too, so after a restart the ghosts are found again on load.
 *
 * Create the document with `createGhostKeepingDoc`, which wires the filter.
 */
export class GhostIndex {
  /** each ghost's item, with the generation (count of transactions that found ghosts) it was found in (none yet: null; most documents never have one) */
  private roots: Map<Y.Item, number> | null = null;
  private generation = 0;
  /** ghosts found since `takeFound` was last called, with their homes */
  private found: GhostAndHome[] | null = null;
  /** the text of characters recently garbage-collected (see DeletedText) */
  readonly deletedText = new DeletedText();

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  get size(): number {
    return this.roots?.size ?? 0;
  }

  /** Whether Yjs must keep a deleted item: it is a ghost or inside one. */
  keeps(item: Y.Item): boolean {
    const roots = this.roots;
    if (!roots) return false;
    for (let current: Y.Item | null = item; current !== null;) {
      if (roots.has(current)) return true;
      current = parentType(current)?._item ?? null;
    }
    return false;
  }

  /**
   * Whether `child`, in the list of the ghost `ghost`, was already a ghost itself when `ghost`
   * became one (it had moved away before): it is not part of what `ghost` held.
   */
  movedAwayBefore(child: Y.Item, ghost: Y.XmlElement): boolean {
    const found = this.roots?.get(child);
    if (found === undefined) return false;
    const ghostFound = ghost._item ? this.roots?.get(ghost._item) : undefined;
    return ghostFound === undefined || found < ghostFound;
  }

  /** When a ghost was found (a larger number: later); undefined for anything else. */
  generationOf(element: Y.XmlElement): number | undefined {
    return element._item ? this.roots?.get(element._item) : undefined;
  }

  /** Every live clause by id (more than one only between a concurrent move and its repair). */
  liveClauses(): Map<string, Y.XmlElement[]> {
    const found = new Map<string, Y.XmlElement[]>();
    const visit = (type: Y.AbstractType<any>) => {
      for (const item of listItems(type)) {
        const child = item.deleted ? null : heldType(item);
        if (!(child instanceof Y.XmlElement)) continue;
        const id = clauseIdOf(child);
        if (id !== null) {
          const list = found.get(id);
          if (list) list.push(child);
          else found.set(id, [child]);
        }
        visit(child);
      }
    };
    visit(this.doc.getXmlFragment('default') as Y.AbstractType<any>);
    return found;
  }

  /** The ghosts found since the last call (a client's update can run more than one transaction). */
  takeFound(): GhostAndHome[] {
    const found = this.found ?? [];
    this.found = null;
    return found;
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    const removed: Y.XmlElement[] = [];
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item)) return;
      const type = heldType(struct);
      if (type instanceof Y.XmlElement && clauseIdOf(type) !== null && !this.keeps(struct))
        removed.push(type);
    });
    if (removed.length === 0) return;
    const live = this.liveClauses();
    this.generation++;
    let created: Map<string, Y.XmlElement> | undefined;
    for (const ghost of removed) {
      if (!isDeletedType(ghost)) continue;
      const id = clauseIdOf(ghost)!;
      // its home: the live clause with its id, or the copy this transaction made of it (which
      // may have landed in a clause that had itself moved: the repair then finds it a place)
      created ??= createdClauses(transaction);
      const home = live.get(id)?.[0] ?? created.get(id);
      if (!home || home === ghost) continue;
      (this.roots ??= new Map()).set(ghost._item!, this.generation);
      (this.found ??= []).push({ ghost, home });
    }
  };
}

/** The clauses a transaction created, by id. */
function createdClauses(transaction: Y.Transaction): Map<string, Y.XmlElement> {
  const found = new Map<string, Y.XmlElement>();
  for (const [client, after] of transaction.afterState) {
    const from = transaction.beforeState.get(client) ?? 0;
    if (after <= from) continue;
    const structs = transaction.doc.store.clients.get(client)!;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i++) {
      const struct = structs[i]!;
      const type = struct instanceof Y.Item ? heldType(struct) : null;
      const id = clauseIdOf(type);
      if (id !== null && !found.has(id)) found.set(id, type as Y.XmlElement);
    }
  }
  return found;
}

/** A Y.Doc that keeps the ghosts of moved clauses (see GhostIndex). */
export function createGhostKeepingDoc(): { doc: Y.Doc; ghosts: GhostIndex } {
  let ghosts: GhostIndex | undefined;
  const gcFilter = (item: Y.Item): boolean => {
    if (!ghosts) return true;
    if (ghosts.keeps(item)) return false;
    ghosts.deletedText.record(item);
    return true;
  };
  const doc = new Y.Doc({ gc: true, gcFilter });
  // The server writes under a small client id: Yjs places concurrent insertions at one spot in
  // client id order, smallest first, so text the server carries to a moved clause lands before
  // what its author types there meanwhile (editors' ids are random 32-bit numbers). Random within
  // the range, so that two processes are unlikely to share one; several instances will need ids
  // handed out per instance (DESIGN.md, several instances).
  doc.clientID =
    SERVER_CLIENT_IDS.from + Math.floor(Math.random() * (SERVER_CLIENT_IDS.to - SERVER_CLIENT_IDS.from));
  ghosts = new GhostIndex(doc);
  return { doc, ghosts };
}
