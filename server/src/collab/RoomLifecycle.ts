import { removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Connection } from './Connection.js';
import type { RoomStore } from './DocumentStore.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import type { Extensions } from './Extensions.js';
import { Room, type RoomDeps } from './Room.js';
import type { RoomInbox } from './RoomInbox.js';

/** What a room's lifecycle tells the registry that holds it (one object for every room). */
export interface LifecycleOwner {
  /** serves every room's connections (it keeps no state of a room's own) */
  readonly inbox: RoomInbox;
  /** the room is gone (failed to load, or unloaded): forget it */
  gone(lifecycle: RoomLifecycle): void;
  /** an idle unload began */
  unloading(lifecycle: RoomLifecycle, done: Promise<void>): void;
}

export interface LifecycleDeps extends RoomDeps {
  store: RoomStore;
  queue: PersistenceQueue;
  logger: Logger;
  extensions: Extensions;
  maxPayloadBytes: number;
  /** stored update records after which the document's updates are folded into a snapshot */
  compactAfter: number;
  idleUnloadMs: number;
}

/**
 * The one owner of a room's life: it loads the room (stored state and the extensions' onLoad)
 * before answering anyone, serves its connections (RoomInbox), folds its stored updates as they
 * accumulate, and stores, compacts and forgets it once nobody has used it for a while.
 */
export class RoomLifecycle {
  readonly room: Room;
  /** settles once the first load finished (room.state says how) */
  readonly loaded: Promise<void>;
  /** doc_updates records stored beside the snapshot (drives compaction) */
  storedUpdateCount = 0;
  private compaction: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    documentId: string,
    private readonly deps: LifecycleDeps,
    private readonly owner: LifecycleOwner,
  ) {
    this.room = new Room(documentId, deps);
    this.loaded = this.load();
  }

  private get inbox(): RoomInbox {
    return this.owner.inbox;
  }

  get documentId(): string {
    return this.room.documentId;
  }

  private async load(): Promise<void> {
    const { room, deps } = this;
    try {
      const [stored] = await Promise.all([deps.store.load(room.documentId), deps.extensions.load(room)]);
      room.applyStored(stored);
      this.storedUpdateCount = stored.updateCount;
    } catch (error) {
      deps.logger.error({ err: error, documentId: room.documentId }, 'loading a document failed');
      room.state = 'failed';
      this.owner.gone(this);
      for (const conn of room.connections) conn.close(CloseCode.LOAD_FAILED, 'document could not be loaded');
      deps.extensions.unload(room);
      room.destroy();
      return;
    }
    deps.extensions.afterLoad(room);
    room.state = 'ready';
    for (const conn of room.connections) {
      room.greet(conn);
      this.inbox.release(room, conn);
    }
  }

  /** Adds a connection (its socket's messages are already routed here or kept in `early`). */
  join(conn: Connection): void {
    const { room } = this;
    this.keepOpen();
    room.connections.add(conn);
    this.deps.extensions.connect(room, conn);
    if (room.state !== 'ready') return;
    room.greet(conn);
    this.inbox.release(room, conn);
  }

  receive(conn: Connection, message: Uint8Array | null): void {
    this.inbox.receive(this.room, conn, message);
  }

  leave(conn: Connection): void {
    const { room } = this;
    if (!room.connections.delete(conn)) return;
    // updates waiting for a claim are still applied once it is recorded (release)
    if (!conn.held) conn.early.length = 0;
    room.dropPending(conn);
    room.claims.forgetConnection(conn.id);
    if (conn.clientId !== null && room.state === 'ready') {
      // null origin: the removal goes to everyone left in the room
      if (room.awareness.getStates().has(conn.clientId))
        removeAwarenessStates(room.awareness, [conn.clientId], null);
    }
    this.deps.extensions.disconnect(room, conn);
    this.settled();
  }

  /** Someone is using the room (a join, an API read): no idle unload now. */
  keepOpen(): void {
    clearTimeout(this.idleTimer);
  }

  /** Unloads the room later if nobody uses it meanwhile. */
  settled(): void {
    const { room } = this;
    if (room.state !== 'ready' || room.connections.size > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.unload(), this.deps.idleUnloadMs);
  }

  /** `count` more records of the document's updates are stored: fold them when there are many. */
  stored(count: number): void {
    this.storedUpdateCount += count;
    if (this.storedUpdateCount >= this.deps.compactAfter) this.compact();
  }

  /** Stores what is queued for the room, folds its updates if worthwhile, and forgets it. */
  unload(): Promise<void> {
    const { room, deps } = this;
    // (a room whose client ids are being claimed unloads once the claims are recorded: release)
    if (room.state !== 'ready' || room.connections.size > 0 || room.claims.busy) return Promise.resolve();
    room.state = 'unloading';
    const done = (async () => {
      try {
        await deps.queue.whenStored(room.lastQueuedSeq);
        await this.compaction;
        if (this.storedUpdateCount > 1) await deps.store.compact(room.documentId);
      } catch (error) {
        deps.logger.warn({ err: error, documentId: room.documentId }, 'compaction on unload failed');
      } finally {
        deps.store.forget(room.documentId);
        this.owner.gone(this);
        deps.extensions.unload(room);
        room.destroy();
      }
    })();
    this.owner.unloading(this, done);
    return done;
  }

  /** Stops the room at once (shutdown, after everything is stored). */
  destroy(): void {
    clearTimeout(this.idleTimer);
    this.deps.extensions.unload(this.room);
    this.room.destroy();
  }

  private compact(): void {
    if (this.compaction) return;
    const { room, deps } = this;
    const folding = this.storedUpdateCount;
    this.compaction = deps.store
      .compact(room.documentId)
      .then((won) => {
        if (!won || room.state !== 'ready') return;
        this.storedUpdateCount = Math.max(0, this.storedUpdateCount - folding);
        room.remeasure();
      })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, documentId: room.documentId }, 'compaction failed; will retry');
      })
      .finally(() => {
        this.compaction = null;
      });
  }
}
