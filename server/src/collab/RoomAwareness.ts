import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Connection } from './Connection.js';
import { encodeAwarenessUpdate, type AwarenessEntry } from './awarenessUpdate.js';
import { awarenessMessage, awarenessUpdateMessage } from './wire.js';

/** origin of awareness states from another instance (see Room's REMOTE_ORIGIN) */
export const REMOTE_AWARENESS = Symbol('remote awareness');

type Changes = { added: number[]; updated: number[]; removed: number[] };

/**
 * y-websocket's client closes and reopens a socket that received nothing for 30 s (a full resync,
 * and the page reloads its comments). The sender of an awareness update that has heard nothing for
 * this long is answered with an empty awareness update (3 bytes): every client renews its state
 * every 15 s, so nobody alone in a document, or in low-data mode among idle people, goes 30 s
 * without a message. (The reference server echoes every awareness update to its sender instead.)
 */
export const KEEPALIVE_AFTER_MS = 10_000;
const KEEPALIVE = awarenessUpdateMessage(new Uint8Array([0]));

/**
 * Who is in a room and where their carets are (y-protocols awareness), and what each connection
 * hears of it. A low-data connection (`conn.namesOnly`) hears only who is here under which name:
 * states without carets, sent when someone arrives, leaves or changes name, not when a caret moves
 * nor for the renewals every client sends every 15 s. Its client keeps the states it was told
 * alive itself (they are removed by an explicit message when the person leaves).
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  /** the names part last sent to low-data connections, per client id; only while there are some */
  private namesSent: Map<number, string> | null = null;

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    /** a change by this instance's clients (for the extensions: the Redis fan-out) */
    private readonly onLocalChange: (changed: number[]) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server keeps no local awareness state of its own
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Every state, for a connection that just joined or asked (a query). */
  everyone(conn: Connection): Uint8Array | null {
    const states = this.awareness.getStates();
    if (states.size === 0) return null;
    const clients = Array.from(states.keys());
    if (!conn.namesOnly) return awarenessMessage(this.awareness, clients);
    const names = (this.namesSent ??= new Map());
    const entries = clients.map((id) => {
      const state = namesPart(states.get(id));
      names.set(id, JSON.stringify(state));
      return { clientId: id, clock: this.clockOf(id), state };
    });
    return awarenessUpdateMessage(encodeAwarenessUpdate(entries));
  }

  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_AWARENESS);
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = ({ added, updated, removed }: Changes, origin: unknown): void => {
    const changed = added.concat(updated, removed);
    const from = origin === REMOTE_AWARENESS ? undefined : (origin as Connection | undefined);
    // the names told to the room's low-data connections stay right while it has some, and cost
    // nothing without
    const namesOnly = [...this.connections].some((conn) => conn.namesOnly);
    const names = namesOnly ? this.namesChange(added.concat(updated), removed) : (this.namesSent = null);
    let full: Uint8Array | undefined;
    for (const conn of this.connections) {
      if (conn === from) continue;
      if (!conn.namesOnly) conn.send((full ??= awarenessMessage(this.awareness, changed)));
      else if (names) conn.send(names);
    }
    if (from && this.connections.has(from) && Date.now() - from.lastSentAt >= KEEPALIVE_AFTER_MS)
      from.send(KEEPALIVE);
    if (origin !== REMOTE_AWARENESS) this.onLocalChange(changed);
  };

  /** The names-only message for a change, or null when no one came, left or changed name. */
  private namesChange(present: number[], removed: number[]): Uint8Array | null {
    const sent = (this.namesSent ??= new Map());
    const states = this.awareness.getStates();
    const entries: AwarenessEntry[] = [];
    for (const id of present) {
      const state = namesPart(states.get(id));
      const json = JSON.stringify(state);
      if (sent.get(id) === json) continue;
      sent.set(id, json);
      entries.push({ clientId: id, clock: this.clockOf(id), state });
    }
    for (const id of removed) {
      if (sent.delete(id)) entries.push({ clientId: id, clock: this.clockOf(id), state: null });
    }
    return entries.length > 0 ? awarenessUpdateMessage(encodeAwarenessUpdate(entries)) : null;
  }

  private clockOf(id: number): number {
    return this.awareness.meta.get(id)?.clock ?? 0;
  }
}

/** What a low-data client is told of a state: the name and colour the server set, no caret. */
function namesPart(state: Record<string, unknown> | undefined): Record<string, unknown> {
  return state && 'user' in state ? { user: state['user'] } : {};
}
