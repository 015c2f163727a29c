import type * as Y from 'yjs';
import type { Connection } from './Connection.js';
import type { Room } from './Room.js';

/** A change applied to a room's document (not the stored state read at load). */
export interface RoomChange {
  update: Uint8Array;
  /** the connection whose update it was; null for the server's own changes */
  conn: Connection | null;
  transaction: Y.Transaction;
  /** it came from another instance (which stores it) */
  remote: boolean;
  /** this instance's persistence sequence number for it (not for a remote change) */
  seq?: number;
  /** a client's plain edit that went to onPlainEdit before it was applied (it is the same change) */
  early?: boolean;
}

/**
 * A piece of behaviour plugged into the collaboration core, as in Hocuspocus' extensions: title
 * following, clause id repair, text locking (and, later, fan-out to other instances) are
 * extensions, not code inside the room. Every hook is optional; hooks run in the order the
 * extensions were given. A hook that throws is logged and does not stop the others (except
 * onLoad, whose failure fails the load, and beforeApply, which fails closed).
 */
export interface CollabExtension {
  readonly name: string;
  /** while the room's stored state loads (in parallel); the room answers nobody before both end */
  onLoad?(room: Room): Promise<void> | void;
  /** the stored state is in the document; nobody has been answered yet */
  afterLoad?(room: Room): void;
  /** a change was applied to the document (a client's, or the server's own) */
  onChange?(room: Room, change: RoomChange): void;
  /**
   * A client's plain edit (see moves/plainEdit.ts) is about to be applied: sent on at once, like
   * the room sends it to its own connections before applying it. `seq` is the persistence
   * sequence number it will get; its onChange comes with `early` set.
   */
  onPlainEdit?(room: Room, update: Uint8Array, seq: number): void;
  /** awareness states of this instance's clients changed (added, updated or removed) */
  onAwareness?(room: Room, clients: number[]): void;
  /** `count` records of the document's updates were stored (the room may be gone) */
  onStored?(documentId: string, count: number): void;
  /** a connection joined the room (before the greeting, if the room is loaded) */
  onConnect?(room: Room, conn: Connection): void;
  /** a connection left the room */
  onDisconnect?(room: Room, conn: Connection): void;
  /** before a connection's document update is applied: false drops it (never stored nor sent) */
  beforeApply?(room: Room, conn: Connection): boolean;
  /** the room is being forgotten: release what is kept for it */
  onUnload?(room: Room): void;
}
