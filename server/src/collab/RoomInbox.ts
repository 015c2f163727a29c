import { CloseCode, MessageType } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Connection } from './Connection.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import type { Extensions } from './Extensions.js';
import type { Room } from './Room.js';
import { CollabError } from './CollabError.js';
import { checkMessage, dispatchMessage } from './messageHandlers.js';

export interface InboxDeps {
  queue: PersistenceQueue;
  extensions: Extensions;
  logger: Logger;
  maxPayloadBytes: number;
  maxPendingBytes: number;
}

/**
 * What the room's connections send, handled in order per connection. Messages are kept, in order,
 * while the room loads (or before the connection is in a room) and while a client id of the
 * connection is being claimed; then handled. A refused message closes its connection with a named
 * code and nothing more it sent is handled.
 */
export class RoomInbox {
  constructor(
    private readonly deps: InboxDeps,
    /** the room may have become idle (a release emptied it) */
    private readonly onSettled: (room: Room) => void,
  ) {}

  /** `room`: the connection's room; null while it waits to join one. */
  receive(room: Room | null, conn: Connection, message: Uint8Array | null): void {
    if (!conn.open) return;
    try {
      const checked = checkMessage(conn, message, this.deps.maxPayloadBytes);
      if (!room || room.state === 'loading' || conn.held) {
        this.keep(conn, checked);
        return;
      }
      if (room.state !== 'ready') return;
      this.handle(room, conn, checked);
    } catch (error) {
      this.refuse(conn, error, room?.documentId);
    }
  }

  private keep(conn: Connection, message: Uint8Array): void {
    conn.earlyBytes += message.byteLength;
    // what waits for a claim cannot be applied yet: it counts as the connection's pending updates
    if (conn.held && conn.earlyBytes + conn.pendingBytes > this.deps.maxPendingBytes) {
      conn.early.length = 0;
      throw new CollabError(CloseCode.PENDING_TOO_LARGE, 'too many updates that cannot be applied');
    }
    if (!conn.held && conn.earlyBytes > conn.limits.maxEarlyBytes) {
      conn.early.length = 0;
      throw new CollabError(CloseCode.LOADING_BUFFER_FULL, 'too much sent while the document loads');
    }
    conn.early.push(message);
  }

  private handle(room: Room, conn: Connection, message: Uint8Array): void {
    try {
      const hold = (until: Promise<void>) => this.hold(room, conn, message, until);
      const { queue, extensions } = this.deps;
      dispatchMessage({ room, conn, queue, extensions, hold }, message);
    } catch (error) {
      this.refuse(conn, error, room.documentId);
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
        this.deps.logger.error(
          { err: error, documentId: room.documentId, userId: conn.user.id },
          'recording a client id claim failed',
        );
        // nothing of the update was applied; the client sends it again when it reconnects
        const refusal = new CollabError(CloseCode.LOAD_FAILED, 'could not record the client id');
        this.refuse(conn, refusal, room.documentId);
      },
    );
  }

  /**
   * Handles the messages kept for a connection, in order, until one holds it again. A client
   * that closed meanwhile (e.g. a tab closed just after a keystroke) still has its document
   * updates applied: they were received; the rest of what it sent no longer matters. Nothing more
   * is handled once the server closed the connection (a refusal).
   */
  release(room: Room, conn: Connection): void {
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
    if (!conn.held) this.onSettled(room);
  }

  refuse(conn: Connection, error: unknown, documentId?: string): void {
    const e =
      error instanceof CollabError
        ? error
        : new CollabError(CloseCode.MALFORMED_MESSAGE, 'malformed message');
    this.deps.logger.warn(
      { documentId, userId: conn.user.id, closeCode: e.closeCode, reason: e.message },
      'closing a collaboration connection',
    );
    conn.closedByServer = true;
    conn.close(e.closeCode, e.message);
  }
}
