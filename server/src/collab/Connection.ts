import { CloseCode, abilitiesFor, type Role } from '@accord/shared';
import { SocketState, type CollabSocket } from './CollabSocket.js';

export interface ConnectionUser {
  id: string;
  name: string;
  colour: string;
}

/** Per-connection limits (env.ts, COLLAB_*). */
export interface ConnectionLimits {
  maxMessagesPerSecond: number;
  /** awareness queries (each answered with every client's state) per second */
  maxAwarenessQueriesPerSecond: number;
  /** bytes sent to the socket and not yet taken by the client */
  maxSendBacklogBytes: number;
  /** bytes of messages kept while the document loads */
  maxEarlyBytes: number;
}

let nextId = 1;

/** One collaboration socket: who is on it, what it may do, and its per-connection limits. */
export class Connection {
  readonly id = nextId++;
  /** the Yjs client id this connection announced first in awareness; others are refused */
  clientId: number | null = null;
  /** said ACCORD_HELLO or ACCORD_SAVED: may receive Accord's own messages */
  speaksAccord = false;
  /** persistence sequence number of the newest update this connection caused */
  lastQueuedSeq = 0;
  /** a client id of this connection is being claimed: its messages wait in `early` */
  held = false;
  /** the message whose client ids are being claimed: handled again once they are */
  heldMessage: Uint8Array | null = null;
  /** the server refused this connection: nothing more it sent is handled */
  closedByServer = false;
  /** messages that arrived while the document was loading (or while held) */
  readonly early: Uint8Array[] = [];
  /** bytes in `early` */
  earlyBytes = 0;
  /** bytes of this connection's updates that wait for content the server does not have */
  pendingBytes = 0;
  /** when the server last sent this connection a message (ms since the epoch) */
  lastSentAt = 0;
  private readonly messages: TokenBucket;
  private readonly awarenessQueries: TokenBucket;

  constructor(
    readonly socket: CollabSocket,
    readonly user: ConnectionUser,
    public role: Role,
    readonly limits: ConnectionLimits,
    /** low-data mode: hears who is here under which name, not their carets (RoomAwareness) */
    readonly namesOnly = false,
  ) {
    this.messages = new TokenBucket(limits.maxMessagesPerSecond);
    this.awarenessQueries = new TokenBucket(limits.maxAwarenessQueriesPerSecond);
  }

  get canWrite(): boolean {
    return abilitiesFor(this.role).edit;
  }

  get open(): boolean {
    return this.socket.readyState === SocketState.OPEN;
  }

  /**
   * Sends a message, unless the client is not reading what it is sent: once the socket's
   * backlog would pass the limit, the connection is closed instead (the backlog stops growing;
   * the close frame follows what is queued).
   */
  send(message: Uint8Array): void {
    if (this.socket.readyState !== SocketState.OPEN) return;
    if (this.socket.bufferedAmount + message.byteLength > this.limits.maxSendBacklogBytes) {
      this.close(CloseCode.SEND_BACKLOG_FULL, 'the connection does not read what it is sent');
      return;
    }
    this.socket.send(message);
    this.lastSentAt = Date.now();
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === SocketState.OPEN || this.socket.readyState === SocketState.CONNECTING) {
      this.socket.close(code, reason.slice(0, 120));
    }
  }

  takeMessageToken(): boolean {
    return this.messages.take();
  }

  takeAwarenessQueryToken(): boolean {
    return this.awarenessQueries.take();
  }
}

/** Token bucket: a burst of one second's allowance, refilled continuously. */
class TokenBucket {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.refilledAt) * this.perSecond) / 1000);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
