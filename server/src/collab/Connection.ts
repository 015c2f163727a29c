import { WebSocket } from 'ws';
import { abilitiesFor, type Role } from '@accord/shared';

export interface ConnectionUser {
  id: string;
  name: string;
  colour: string;
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
  /** messages that arrived while the document was loading */
  readonly early: Uint8Array[] = [];
  private tokens: number;
  private refilledAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    readonly user: ConnectionUser,
    public role: Role,
    private readonly maxMessagesPerSecond: number,
  ) {
    this.tokens = maxMessagesPerSecond;
  }

  get canWrite(): boolean {
    return abilitiesFor(this.role).edit;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason.slice(0, 120));
    }
  }

  /** Token bucket: a burst of one second's allowance, refilled continuously. */
  takeMessageToken(): boolean {
    const now = Date.now();
    const rate = this.maxMessagesPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) * rate) / 1000);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
