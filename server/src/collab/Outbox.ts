import type { Connection } from './Connection.js';
import { mergeUpdates } from './mergeUpdates.js';
import { updateMessage } from './wire.js';

/** the window over which a room's outgoing message rate is counted */
const RATE_WINDOW_MS = 100;
/**
 * above this many messages per window (20,000/s) a room is busy: it no longer sends a client's
 * update on as it arrives, only the merged updates of each turn of the event loop
 */
const BUSY_MESSAGES_PER_WINDOW = 2000;
/** `origin` before any update is queued this turn, and once they came from more than one */
const NONE = Symbol('none');
const SEVERAL = Symbol('several');

/** What the outbox needs of its room. */
export interface OutboxRoom {
  readonly connections: ReadonlySet<Connection>;
  /** nothing more is sent once the room is unloaded */
  readonly state: string;
}

/** (one function for every outbox, rather than a bound method per room) */
const flushOutbox = (outbox: Outbox) => outbox.flush();

/**
 * What a room sends to its connections. Everything applied in one turn of the event loop goes out
 * as one message per connection: under load (many writers, many readers) a turn reads many
 * keystrokes, and each connection gets one merged update rather than one message per keystroke.
 * Waiting any longer than the turn only adds latency (a fixed 4 ms window measured 1.4-1.9x
 * hocuspocus' S5 p50; this, 0.9-1.4x). In a quiet room a client's update is forwarded as it
 * arrives, before the server spends time applying it (as a relay would).
 */
export class Outbox {
  private queued: Uint8Array[] = [];
  /** the connection the updates queued this turn came from (undefined: the server's) */
  private origin: Connection | undefined | typeof NONE | typeof SEVERAL = NONE;
  /** an update went out this turn, or is waiting for the end of it: later ones wait here */
  private batching = false;
  private rateWindowStart = 0;
  private rateWindowUpdates = 0;

  constructor(private readonly room: OutboxRoom) {}

  broadcast(message: Uint8Array, except?: Connection): void {
    for (const conn of this.room.connections) if (conn !== except) conn.send(message);
  }

  /**
   * Counts a client's update and, when nothing else goes out this turn and the room is not busy,
   * sends it on at once to everyone but its sender. True if it was sent.
   */
  forwardNow(update: Uint8Array, from: Connection): boolean {
    const busy = this.count();
    if (this.batching || busy) return false;
    this.batching = true;
    setImmediate(flushOutbox, this);
    this.broadcast(updateMessage(update), from);
    return true;
  }

  /** Counts an update without sending it (one that may not be forwarded as it arrives). */
  countOnly(): void {
    this.count();
  }

  /** Queues an applied update for the end of this turn (`from`: its connection; none: the server's). */
  add(update: Uint8Array, from: Connection | undefined): void {
    if (!from) this.count();
    if (!this.batching) {
      this.batching = true;
      setImmediate(flushOutbox, this);
    }
    this.queued.push(update);
    if (this.origin === NONE) this.origin = from;
    else if (this.origin !== from) this.origin = SEVERAL;
  }

  /** Counts an update this room sends; true when the room is busy (see BUSY_MESSAGES_PER_WINDOW). */
  private count(): boolean {
    const now = performance.now();
    if (now - this.rateWindowStart > RATE_WINDOW_MS) {
      this.rateWindowStart = now;
      this.rateWindowUpdates = 0;
    }
    this.rateWindowUpdates++;
    // messages this room has to send lately: keystrokes × connections
    return this.rateWindowUpdates * this.room.connections.size > BUSY_MESSAGES_PER_WINDOW;
  }

  /**
   * Sends the updates queued this turn as one message (at the end of the turn). The sender does
   * not get the batch back when it has only one sender; otherwise everyone gets it (Yjs ignores
   * what it already has).
   */
  flush(): void {
    const updates = this.queued;
    const origin = this.origin;
    this.batching = false;
    if (updates.length === 0) return;
    this.queued = [];
    this.origin = NONE;
    if (this.room.state === 'unloaded') return;
    const merged = updates.length === 1 ? updates[0]! : mergeUpdates(updates);
    const except = origin === NONE || origin === SEVERAL ? undefined : origin;
    this.broadcast(updateMessage(merged), except);
  }
}
