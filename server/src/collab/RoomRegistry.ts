import type * as Y from 'yjs';
import { removeAwarenessStates } from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Connection } from './Connection.js';
import type { DocumentStore } from './DocumentStore.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import { Room } from './Room.js';
import { CollabError } from './CollabError.js';
import { dispatchMessage } from './messageHandlers.js';
import type { ClaimStore } from './ClientIdClaims.js';

export interface RoomRegistryOptions {
  onTitleChange?: (documentId: string, title: string) => void;
  store: DocumentStore;
  queue: PersistenceQueue;
  logger: Logger;
  maxDocumentBytes: number;
  maxPendingBytes: number;
  maxAwarenessStateBytes: number;
  maxPayloadBytes: number;
  maxConnectionsPerDocument: number;
  compactAfter: number;
  idleUnloadMs: number;
  claimStore: ClaimStore;
  /** whether the document's workflow locks its text, read when a room loads */
  isTextLocked?: (documentId: string) => Promise<boolean>;
}

/**
 * The open documents of this process. A room loads its state before it answers anything (joins
 * during the load wait for it), compacts its stored updates as they accumulate, and is flushed and
 * unloaded when idle.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(private readonly options: RoomRegistryOptions) {
    options.queue.onStored((documentId, count) => {
      const room = this.rooms.get(documentId);
      if (!room) return;
      room.storedUpdateCount += count;
      if (room.storedUpdateCount >= options.compactAfter) this.compact(room);
    });
  }

  get size(): number {
    return this.rooms.size;
  }

  get(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** The document's room, created and loading if it was not open. */
  private open(documentId: string): Room {
    let room = this.rooms.get(documentId);
    if (!room) {
      room = new Room(documentId, this.options);
      this.rooms.set(documentId, room);
      room.loaded = this.loadRoom(room);
    }
    return room;
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
    let room: Room;
    for (;;) {
      const pendingUnload = this.unloading.get(documentId);
      if (pendingUnload) await pendingUnload;
      room = this.open(documentId);
      clearTimeout(room.idleTimer);
      await room.loaded;
      // an idle unload may have begun while this waited: wait for it, then load afresh
      if (room.state !== 'unloading') break;
    }
    try {
      if (room.state !== 'ready') throw new Error('the document could not be loaded');
      return task(room);
    } finally {
      if (room.state === 'ready' && room.connections.size === 0) this.scheduleUnload(room);
    }
  }

  /**
   * Settles once the client id claims under way are recorded and the updates waiting for them
   * handled (before a shutdown stores what is queued).
   */
  async settleClaims(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.claims.settled()));
    // the updates waiting for them are handled in the same turn (hold); let it run
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** The workflow locked or unlocked the document's text: an open room drops or takes updates. */
  setTextLocked(documentId: string, locked: boolean): void {
    const room = this.rooms.get(documentId);
    if (!room) return;
    room.textLocked = locked;
    room.textLockSet = true;
  }

  /** Adds a connection to its document's room, loading the room first if needed. */
  async join(documentId: string, conn: Connection): Promise<void> {
    const pendingUnload = this.unloading.get(documentId);
    if (pendingUnload) await pendingUnload;
    const existing = this.rooms.get(documentId);
    if (existing && existing.connections.size >= this.options.maxConnectionsPerDocument) {
      conn.close(CloseCode.TOO_MANY_CONNECTIONS, 'too many connections to this document');
      return;
    }
    const room = this.open(documentId);
    clearTimeout(room.idleTimer);
    room.connections.add(conn);
    conn.socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.receive(
        room,
        conn,
        isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null,
      );
    });
    conn.socket.on('close', () => this.leave(room, conn));
    if (room.state === 'ready') room.greet(conn);
  }

  private loadRoom(room: Room): Promise<void> {
    const locked = this.options.isTextLocked?.(room.documentId) ?? Promise.resolve(false);
    return Promise.all([room.load(), locked]).then(
      ([, textLocked]) => {
        // a workflow change during the load is newer than what the load read
        if (!room.textLockSet) room.textLocked = textLocked;
        room.state = 'ready';
        for (const conn of room.connections) {
          room.greet(conn);
          this.release(room, conn);
        }
      },
      (error: unknown) => {
        this.options.logger.error({ err: error, documentId: room.documentId }, 'loading a document failed');
        room.state = 'failed';
        this.rooms.delete(room.documentId);
        for (const conn of room.connections)
          conn.close(CloseCode.LOAD_FAILED, 'document could not be loaded');
        room.destroy();
      },
    );
  }

  private receive(room: Room, conn: Connection, message: Uint8Array | null): void {
    if (!conn.open) return;
    try {
      if (message === null)
        throw new CollabError(CloseCode.MALFORMED_MESSAGE, 'text frames are not part of the protocol');
      if (message.byteLength > this.options.maxPayloadBytes) {
        throw new CollabError(CloseCode.MESSAGE_TOO_LARGE, 'message too large');
      }
      if (!conn.takeMessageToken()) throw new CollabError(CloseCode.RATE_LIMITED, 'too many messages');
      // kept, in order, while the document loads or a client id of the connection is being claimed
      if (room.state === 'loading' || conn.held) {
        conn.earlyBytes += message.byteLength;
        // what waits for a claim cannot be applied yet: it counts as the connection's pending updates
        if (conn.held && conn.earlyBytes + conn.pendingBytes > this.options.maxPendingBytes) {
          conn.early.length = 0;
          throw new CollabError(CloseCode.PENDING_TOO_LARGE, 'too many updates that cannot be applied');
        }
        if (!conn.held && conn.earlyBytes > conn.limits.maxEarlyBytes) {
          conn.early.length = 0;
          throw new CollabError(CloseCode.LOADING_BUFFER_FULL, 'too much sent while the document loads');
        }
        conn.early.push(message);
        return;
      }
      if (room.state !== 'ready') return;
      this.handle(room, conn, message);
    } catch (error) {
      this.refuse(room, conn, error);
    }
  }

  private handle(room: Room, conn: Connection, message: Uint8Array): void {
    try {
      const hold = (until: Promise<void>) => this.hold(room, conn, message, until);
      dispatchMessage({ room, conn, queue: this.options.queue, hold }, message);
    } catch (error) {
      this.refuse(room, conn, error);
    }
  }

  /** Keeps the connection's messages, this one first, until `until` settles; then handles them. */
  private hold(room: Room, conn: Connection, message: Uint8Array, until: Promise<void>): void {
    conn.held = true;
    conn.heldMessage = message;
    until.then(
      () => {
        conn.held = false;
        this.release(room, conn);
      },
      (error: unknown) => {
        conn.held = false;
        conn.heldMessage = null;
        conn.early.length = 0;
        conn.earlyBytes = 0;
        this.options.logger.error(
          { err: error, documentId: room.documentId, userId: conn.user.id },
          'recording a client id claim failed',
        );
        // nothing of the update was applied; the client sends it again when it reconnects
        this.refuse(room, conn, new CollabError(CloseCode.LOAD_FAILED, 'could not record the client id'));
      },
    );
  }

  /**
   * Handles the messages kept for a connection, in order, until one holds it again. A client
   * that closed meanwhile (e.g. a tab closed just after a keystroke) still has its document
   * updates applied: they were received; the rest of what it sent no longer matters. Nothing more
   * is handled once the server closed the connection (a refusal).
   */
  private release(room: Room, conn: Connection): void {
    for (;;) {
      if (conn.held || room.state !== 'ready') break;
      if (conn.closedByServer) {
        conn.heldMessage = null;
        conn.early.length = 0;
        break;
      }
      let message = conn.heldMessage;
      conn.heldMessage = null;
      if (!message) {
        message = conn.early.shift() ?? null;
        if (!message) break;
        conn.earlyBytes -= message.byteLength;
      }
      if (!conn.open && message[0] !== MessageType.SYNC) continue;
      this.handle(room, conn, message);
    }
    if (conn.early.length === 0) conn.earlyBytes = 0;
    if (!conn.held && room.state === 'ready' && room.connections.size === 0) this.scheduleUnload(room);
  }

  private refuse(room: Room, conn: Connection, error: unknown): void {
    const e =
      error instanceof CollabError
        ? error
        : new CollabError(CloseCode.MALFORMED_MESSAGE, 'malformed message');
    this.options.logger.warn(
      { documentId: room.documentId, userId: conn.user.id, closeCode: e.closeCode, reason: e.message },
      'closing a collaboration connection',
    );
    conn.closedByServer = true;
    conn.close(e.closeCode, e.message);
  }

  private leave(room: Room, conn: Connection): void {
    if (!room.connections.delete(conn)) return;
    // updates waiting for a claim are still applied once it is recorded (release)
    if (!conn.held) conn.early.length = 0;
    room.dropPending(conn);
    room.claims.forgetConnection(conn.id);
    if (conn.clientId !== null && room.state === 'ready') {
      // null origin: the removal goes to everyone left in the room
      removeAwareness(room, conn.clientId);
    }
    if (room.connections.size === 0 && room.state === 'ready') this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room): void {
    clearTimeout(room.idleTimer);
    room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs);
  }

  /** Stores what is queued for the room, folds its updates if worthwhile, and forgets it. */
  unload(room: Room): Promise<void> {
    // (a room whose client ids are being claimed unloads once the claims are recorded: release)
    if (room.state !== 'ready' || room.connections.size > 0 || room.claims.busy) return Promise.resolve();
    room.state = 'unloading';
    const done = (async () => {
      try {
        await this.options.queue.whenStored(room.lastQueuedSeq);
        await room.compaction;
        if (room.storedUpdateCount > 1) await this.options.store.compact(room.documentId);
      } catch (error) {
        this.options.logger.warn({ err: error, documentId: room.documentId }, 'compaction on unload failed');
      } finally {
        this.options.store.forget(room.documentId);
        this.rooms.delete(room.documentId);
        this.unloading.delete(room.documentId);
        room.destroy();
      }
    })();
    this.unloading.set(room.documentId, done);
    return done;
  }

  private compact(room: Room): void {
    if (room.compaction) return;
    const folding = room.storedUpdateCount;
    room.compaction = this.options.store
      .compact(room.documentId)
      .then((won) => {
        if (!won || room.state !== 'ready') return;
        room.storedUpdateCount = Math.max(0, room.storedUpdateCount - folding);
        room.remeasure();
      })
      .catch((error: unknown) => {
        this.options.logger.warn(
          { err: error, documentId: room.documentId },
          'compaction failed; will retry',
        );
      })
      .finally(() => {
        room.compaction = null;
      });
  }
}

function removeAwareness(room: Room, clientId: number): void {
  // emits an 'update' that the room broadcasts
  if (room.awareness.getStates().has(clientId)) removeAwarenessStates(room.awareness, [clientId], null);
}
