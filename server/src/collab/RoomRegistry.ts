import type * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import type { Connection } from './Connection.js';
import type { Room } from './Room.js';
import { RoomLifecycle, type LifecycleDeps, type LifecycleOwner } from './RoomLifecycle.js';
import { RoomInbox } from './RoomInbox.js';

export interface RoomRegistryOptions extends LifecycleDeps {
  maxConnectionsPerDocument: number;
}

/**
 * The open documents of this process: a map from document id to its room (RoomLifecycle owns
 * each room's load, service, compaction and idle unload), plus the unloads under way, which a new
 * join or read of the same document waits for before loading it afresh.
 */
export class RoomRegistry implements LifecycleOwner {
  private readonly rooms = new Map<string, RoomLifecycle>();
  private readonly unloads = new Map<string, Promise<void>>();
  /** keeps what connections send while they wait for an unload to finish */
  private readonly waiting: RoomInbox;
  /** serves every room's connections (RoomLifecycle) */
  readonly inbox: RoomInbox;

  constructor(private readonly options: RoomRegistryOptions) {
    this.waiting = new RoomInbox(options, () => {});
    this.inbox = new RoomInbox(options, (room) => {
      const lifecycle = this.rooms.get(room.documentId);
      if (lifecycle?.room === room) lifecycle.settled();
    });
    options.queue.onStored((documentId, count) => {
      this.rooms.get(documentId)?.stored(count);
      options.extensions.stored(documentId, count);
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId)?.room;
  }

  *all(): IterableIterator<Room> {
    for (const lifecycle of this.rooms.values()) yield lifecycle.room;
  }

  /** The document's room, created and loading if it was not open. */
  private open(documentId: string): RoomLifecycle {
    let lifecycle = this.rooms.get(documentId);
    if (!lifecycle) {
      lifecycle = new RoomLifecycle(documentId, this.options, this);
      this.rooms.set(documentId, lifecycle);
    }
    return lifecycle;
  }

  /** (LifecycleOwner) a room failed to load or was unloaded */
  gone(lifecycle: RoomLifecycle): void {
    if (this.rooms.get(lifecycle.documentId) === lifecycle) this.rooms.delete(lifecycle.documentId);
  }

  /** (LifecycleOwner) an idle unload of a room began: a join waits for it */
  unloading(lifecycle: RoomLifecycle, done: Promise<void>): void {
    const { documentId } = lifecycle;
    this.unloads.set(documentId, done);
    void done.finally(() => {
      if (this.unloads.get(documentId) === done) this.unloads.delete(documentId);
    });
  }

  /**
   * Makes a server-side change to a document (open or not): it is stored and sent like any
   * collaborator's. A room opened only for this is unloaded again when idle.
   */
  change(documentId: string, change: (doc: Y.Doc) => void): Promise<void> {
    return this.use(documentId, (room) => room.applyServerChange(change));
  }

  /**
   * Reads a document's current state. A document nobody has open is loaded into a room like any
   * other and stays until idle, so a burst of API reads (comments, outline) loads it once.
   */
  read<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.use(documentId, (room) => read(room.doc));
  }

  private async use<T>(documentId: string, task: (room: Room) => T): Promise<T> {
    let lifecycle: RoomLifecycle;
    for (;;) {
      const pendingUnload = this.unloads.get(documentId);
      if (pendingUnload) await pendingUnload;
      lifecycle = this.open(documentId);
      lifecycle.keepOpen();
      await lifecycle.loaded;
      // an idle unload may have begun while this waited: wait for it, then load afresh
      if (lifecycle.room.state !== 'unloading') break;
    }
    try {
      if (lifecycle.room.state !== 'ready') throw new Error('the document could not be loaded');
      return task(lifecycle.room);
    } finally {
      lifecycle.settled();
    }
  }

  /**
   * Settles once the client id claims under way are recorded and the updates waiting for them
   * handled (before a shutdown stores what is queued).
   */
  async settleClaims(): Promise<void> {
    await Promise.all([...this.all()].map((room) => room.claims.settled()));
    // the updates waiting for them are handled in the same turn (hold); let it run
    await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Adds a connection to its document's room, loading the room first if needed. Its socket's
   * messages are routed from the start: what arrives while an unload of the room finishes is
   * kept and handled once the connection is in the new room.
   */
  async join(documentId: string, conn: Connection): Promise<void> {
    let target: RoomLifecycle | null = null;
    conn.socket.onMessage((message) => {
      if (target) target.receive(conn, message);
      else this.waiting.receive(null, conn, message);
    });
    conn.socket.onClose(() => target?.leave(conn));
    const pendingUnload = this.unloads.get(documentId);
    if (pendingUnload) await pendingUnload;
    if (!conn.open) return;
    const existing = this.rooms.get(documentId);
    if (existing && existing.room.connections.size >= this.options.maxConnectionsPerDocument) {
      conn.close(CloseCode.TOO_MANY_CONNECTIONS, 'too many connections to this document');
      return;
    }
    const lifecycle = this.open(documentId);
    target = lifecycle;
    lifecycle.join(conn);
  }

  /** Stops every room at once (shutdown, after everything is stored). */
  destroyAll(): void {
    for (const lifecycle of this.rooms.values()) lifecycle.destroy();
  }
}
