import * as Y from 'yjs';
import { PLACEHOLDER } from './lineUp.js';

/**
 * What one entry of a ghost (a character, an element, an attribute value) is to the update being
 * repaired:
 * - `seen`: part of the text both copies share, used to line them up;
 * - `new`: to be carried into the live copy;
 * - `own`: content the update itself wrote and deleted (typed, then moved): its copy stays;
 * - `placeholder`: content the update's author saw that the server has since deleted (its copy in
 *   the live clause is deleted too);
 * - `skip`: nothing to do.
 */
/** A Yjs update as `Y.decodeUpdate` reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type Role = 'seen' | 'new' | 'placeholder' | 'own' | 'skip';

export interface UnitView {
  role(item: Y.Item, clock: number): Role;
  /** whether the update deleted this entry of the ghost (a deletion to carry over) */
  deletes(item: Y.Item, clock: number): boolean;
  /** what a placeholder stands for in the line-up (see UpdateContents.placeholderKey) */
  placeholderKey(item: Y.Item, clock: number): string;
}

/** The structs an update carries, by client, as clock ranges. */
export class UpdateContents {
  private readonly created = new Map<number, Array<[number, number]>>();
  private clauseIds: Set<string> | undefined;

  constructor(
    readonly decoded: DecodedUpdate,
    /**
     * the update carries every deletion its author knows (y-websocket's sync step 2, sent on
     * reconnecting), not just the ones it made: a deleted item in it may have been deleted long ago
     */
    readonly wholeDeleteSet = false,
    /** the text of a deleted character the server garbage-collected, while still known */
    private readonly deletedChar: (client: number, clock: number) => string | undefined = () => undefined,
  ) {
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue;
      const ranges = this.created.get(struct.id.client) ?? [];
      ranges.push([struct.id.clock, struct.id.clock + struct.length]);
      this.created.set(struct.id.client, ranges);
    }
  }

  /** Clause ids the update gave to elements it created (copies it made when moving clauses). */
  get createdClauseIds(): Set<string> {
    if (!this.clauseIds) {
      this.clauseIds = new Set();
      for (const struct of this.decoded.structs) {
        if (!(struct instanceof Y.Item) || struct.parentSub !== 'clauseId') continue;
        const value = struct.content.getContent()[0];
        if (typeof value === 'string') this.clauseIds.add(value);
      }
    }
    return this.clauseIds;
  }

  creates(client: number, clock: number): boolean {
    const ranges = this.created.get(client);
    return ranges !== undefined && ranges.some(([from, to]) => clock >= from && clock < to);
  }

  deletes(client: number, clock: number): boolean {
    return Y.isDeleted(this.decoded.ds, Y.createID(client, clock));
  }

  /**
   * The line-up key of a character the update's author saw and the server has since deleted:
   * the placeholder with the character when the server still knows it (its copy must then be
   * that character), the bare placeholder when not. Null when it cannot be used: from an editor
   * back online, whose deletions include ones it knew of long ago, a bare placeholder could
   * stand for text it typed at that place.
   */
  placeholderKey(client: number, clock: number): string | null {
    const known = this.deletedChar(client, clock);
    if (known !== undefined) return PLACEHOLDER + known;
    return this.wholeDeleteSet ? null : PLACEHOLDER;
  }

  /** Whether the update deletes anything or creates anything (a move needs both). */
  get hasDeletions(): boolean {
    return this.decoded.ds.clients.size > 0;
  }
}

/**
 * A move just applied: the mover deleted the clause (everything they saw in it is in the update's
 * deletions) and inserted their copy. What the server had in the clause that the mover had not
 * seen is carried into the copy; what the server had deleted that the mover still saw is deleted
 * from it.
 */
export function moveView(update: UpdateContents): UnitView {
  return {
    role(item, clock) {
      const seen = update.deletes(item.id.client, clock);
      if (item.content instanceof Y.ContentDeleted) {
        if (!seen) return 'skip';
        // (the author's editor dropped the content of what it typed and moved in one go)
        if (update.creates(item.id.client, clock)) return update.wholeDeleteSet ? 'skip' : 'own';
        // (from an editor back online, a deleted item may be one it knew deleted long ago: its
        // copy is told apart from text it typed only when the server still knows the text)
        return update.placeholderKey(item.id.client, clock) === null ? 'skip' : 'placeholder';
      }
      if (seen) return 'seen';
      return update.creates(item.id.client, clock) ? 'skip' : 'new';
    },
    deletes: () => false,
    // (role() says placeholder only when the key is known)
    placeholderKey: (item, clock) => update.placeholderKey(item.id.client, clock) ?? PLACEHOLDER,
  };
}

/**
 * An update from someone who had not seen the move: what it inserted into the ghost is carried
 * into the live clause, what it deleted from the ghost is deleted there.
 * `sawMove`: an editor back online whose catch-up (sync step 2, every deletion it knows) deletes
 * the ghost itself: the editor learnt of the move before sending what it typed offline, and Yjs
 * then deleted everything in the moved-away clause, its typing too. Those deletions are the
 * move's: what it typed and still holds (Accord's editor keeps it, see createEditorDoc) is
 * carried, and nothing is deleted from the live clause (a word it deleted there offline stays).
 */
export function staleView(update: UpdateContents, sawMove = false): UnitView {
  return {
    role(item, clock) {
      if (item.content instanceof Y.ContentDeleted) return 'skip';
      if (update.creates(item.id.client, clock))
        return update.deletes(item.id.client, clock) && !sawMove ? 'skip' : 'new';
      return 'seen';
    },
    deletes(item, clock) {
      return !sawMove && update.deletes(item.id.client, clock) && !update.creates(item.id.client, clock);
    },
    placeholderKey: () => PLACEHOLDER,
  };
}
