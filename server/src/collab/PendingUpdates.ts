import * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import type { Connection } from './Connection.js';
import { CollabError } from './CollabError.js';
import { checkClientUpdate, type Missing } from './checkClientUpdate.js';

export type UpdateKind = 'update' | 'sync-step-2';
type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** A client's update that hangs off content the server does not have yet. */
export interface PendingUpdate {
  conn: Connection;
  update: Uint8Array;
  kind: UpdateKind;
  /** what it waits for (checkClientUpdate): it is checked again only once that may be here */
  waitsFor: Missing['waitsFor'];
}

/**
 * Clients' updates held back because they hang off content the server does not have (e.g. typed
 * in one tab after text another tab has not sent yet): each is checked and applied once that
 * content arrives. Bounded per connection (and counted by the room against the document's size);
 * a connection's are dropped when it closes (the client sends them again on its next sync).
 */
export class PendingUpdates {
  /** oldest first */
  private entries: PendingUpdate[] = [];
  /** bytes of every entry */
  private totalBytes = 0;
  /** called once a connection has no update waiting any more (see whenApplied) */
  private appliedWaiters: Map<Connection, (() => void)[]> | null = null;

  constructor(private readonly maxPendingBytes: number) {}

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Holds an update back; closes (throws PENDING_TOO_LARGE) past the connection's bound. */
  park(conn: Connection, update: Uint8Array, kind: UpdateKind, { waitsFor }: Missing): void {
    if (conn.pendingBytes + update.byteLength > this.maxPendingBytes) {
      throw new CollabError(CloseCode.PENDING_TOO_LARGE, 'too many updates that cannot be applied');
    }
    conn.pendingBytes += update.byteLength;
    this.totalBytes += update.byteLength;
    this.entries.push({ conn, update, kind, waitsFor });
  }

  /**
   * Applies (through `integrate`) the held updates whose content arrived in `doc`, until none
   * more can be. An update that turns out invalid, or that `integrate` refuses, closes its
   * connection and drops the rest of that connection's updates.
   */
  retry(doc: Y.Doc, integrate: (entry: PendingUpdate, decoded: Decoded) => void): void {
    for (let progress = true; progress && this.entries.length > 0;) {
      progress = false;
      // a copy: entries leave the list as they are applied
      for (const entry of this.entries.slice()) {
        if (!entry.conn.open) {
          this.drop(entry.conn);
          continue;
        }
        if (!mayHaveArrived(doc, entry.waitsFor)) continue;
        const decoded = Y.decodeUpdate(entry.update);
        const verdict = checkClientUpdate(doc, decoded);
        if (verdict !== 'ok' && 'waitsFor' in verdict) {
          entry.waitsFor = verdict.waitsFor;
          continue;
        }
        this.remove(entry);
        if (verdict !== 'ok') {
          entry.conn.close(CloseCode.INVALID_DOCUMENT, verdict.invalid);
          this.drop(entry.conn);
          continue;
        }
        try {
          integrate(entry, decoded);
        } catch (error) {
          if (!(error instanceof CollabError)) throw error;
          entry.conn.close(error.closeCode, error.message);
          this.drop(entry.conn);
        }
        progress = true;
      }
    }
  }

  /** Whether some of the connection's updates are held back. */
  has(conn: Connection): boolean {
    return this.entries.some((e) => e.conn === conn);
  }

  /**
   * Settles once none of the connection's updates wait any more (applied, or dropped with the
   * connection): only then can the connection be told what it sent is saved.
   */
  whenApplied(conn: Connection): Promise<void> {
    if (!this.has(conn)) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.appliedWaiters?.get(conn);
      if (waiters) waiters.push(resolve);
      else (this.appliedWaiters ??= new Map()).set(conn, [resolve]);
    });
  }

  /** Forgets a connection's held updates (it closed, or was refused). */
  drop(conn: Connection): void {
    for (const entry of this.entries.filter((e) => e.conn === conn)) this.remove(entry);
  }

  /** Bytes of the connection's held updates. */
  bytesOf(conn: Connection): number {
    let bytes = 0;
    for (const entry of this.entries) if (entry.conn === conn) bytes += entry.update.byteLength;
    return bytes;
  }

  private remove(entry: PendingUpdate): void {
    const index = this.entries.indexOf(entry);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.totalBytes -= entry.update.byteLength;
    entry.conn.pendingBytes = Math.max(0, entry.conn.pendingBytes - entry.update.byteLength);
    const waiters = this.appliedWaiters?.get(entry.conn);
    if (waiters && !this.has(entry.conn)) {
      this.appliedWaiters!.delete(entry.conn);
      if (this.appliedWaiters!.size === 0) this.appliedWaiters = null;
      for (const resolve of waiters) resolve();
    }
  }
}

function mayHaveArrived(doc: Y.Doc, waitsFor: Missing['waitsFor']): boolean {
  for (const [client, clock] of waitsFor) if (Y.getState(doc.store, client) > clock) return true;
  return false;
}
