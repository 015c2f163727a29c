import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Connection } from './Connection.js';
import type { DocumentStore } from './DocumentStore.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import { CollabError } from './CollabError.js';
import { mayDuplicateClauseIds, repairClauseIds } from './repairClauseIds.js';
import { readTitle } from './documentTitle.js';
import { mergeUpdates } from './mergeUpdates.js';
import { createGhostKeepingDoc } from './moves/GhostIndex.js';
import { MoveRepair } from './moves/MoveRepair.js';
import { checkClientUpdate } from './checkClientUpdate.js';
import { PendingUpdates, type UpdateKind } from './PendingUpdates.js';
import { ClientIdClaims, withoutClients, type ClaimStore } from './ClientIdClaims.js';
import { deletionRanges } from './storeDeletions.js';

export interface RoomDeps {
  /** the title node's text changed (debounced); keeps the document's name in step with its text */
  onTitleChange?: (documentId: string, title: string) => void;
  store: DocumentStore;
  queue: PersistenceQueue;
  logger: Logger;
  maxDocumentBytes: number;
  /** bytes of one connection's updates waiting for content the server does not have */
  maxPendingBytes: number;
  /** bytes of one client's awareness state */
  maxAwarenessStateBytes: number;
  compactAfter: number;
  /** records the first claim of a client id (claimClientId) */
  claimStore: ClaimStore;
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;
const LOAD = Symbol('load');
/** origin of the server's own changes (clause id repair) */
const SERVER = Symbol('server');
/** how long after a client's change the server looks for duplicate clause ids */
const REPAIR_DELAY_MS = 50;
/** the window over which a room's outgoing message rate is counted */
const RATE_WINDOW_MS = 100;
/**
 * above this many messages per window (20,000/s) a room is busy: it no longer sends a client's
 * update on as it arrives, only the merged updates of each turn of the event loop
 */
const BUSY_MESSAGES_PER_WINDOW = 2000;
/** how long the title may be typed in before the document's name follows it */
const TITLE_DELAY_MS = 1000;
const EMPTY_STATE_VECTOR_LENGTH = 1;

/**
 * One open document: its Y.Doc and awareness, the sockets on it, and the bookkeeping that ties it
 * to the persistence queue. Every change a connection makes is applied here, queued for the
 * database and sent to the room's other connections.
 */
export class Room {
  readonly doc: Y.Doc;
  /** completes moves of clauses and carries text typed into moved clauses' old copies */
  private readonly moves: MoveRepair;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** who may write under which client id */
  readonly claims: ClientIdClaims;
  state: 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded' = 'loading';
  /** persistence sequence number of the newest update queued for this document */
  lastQueuedSeq = 0;
  /** doc_updates records stored beside the snapshot (drives compaction) */
  storedUpdateCount = 0;
  /** the workflow locks the text: every connection's document updates are dropped */
  textLocked = false;
  /** textLocked was set by a workflow change, which is newer than what the load read */
  textLockSet = false;
  /** upper bound of the encoded document size: state at load plus every update since */
  byteSize = 0;
  compaction: Promise<void> | null = null;
  /** settles once the first load finished (see state for how) */
  loaded: Promise<void> = Promise.resolve();
  idleTimer: NodeJS.Timeout | undefined;
  private repairTimer: NodeJS.Timeout | undefined;
  private titleTimer: NodeJS.Timeout | undefined;
  private lastTitle: string | null = null;
  private outbox: Uint8Array[] = [];
  /** an update went out this turn, or is waiting for the end of it: later ones wait in the outbox */
  private batching = false;
  private rateWindowStart = 0;
  private rateWindowUpdates = 0;
  private outboxOrigins = new Set<Connection | undefined>();
  /** the client update being applied was already sent to the room as it arrived */
  private forwarded = false;
  /** sync step 2 with the whole state (what a joining client without a copy needs), between changes */
  private fullStateMessage: Uint8Array | null = null;
  /** clients' updates waiting for content the server does not have */
  private readonly pending: PendingUpdates;

  constructor(
    readonly documentId: string,
    private readonly deps: RoomDeps,
  ) {
    const { doc, ghosts } = createGhostKeepingDoc();
    this.doc = doc;
    this.moves = new MoveRepair(doc, ghosts);
    this.pending = new PendingUpdates(deps.maxPendingBytes);
    this.claims = new ClientIdClaims(documentId, deps.claimStore);
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server keeps no local awareness state of its own
    this.awareness.setLocalState(null);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  async load(): Promise<void> {
    const stored = await this.deps.store.load(this.documentId);
    this.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    }, LOAD);
    this.storedUpdateCount = stored.updateCount;
    this.lastTitle = safely(() => readTitle(this.doc));
    this.remeasure();
  }

  /** Re-measures the size bound (it only grows between measurements). */
  remeasure(): void {
    this.wholeStateMessage();
  }

  /**
   * Sync step 2 for a client whose state vector is `stateVector`: what it lacks. A client with
   * nothing (a first visit, most joins) gets the whole state, encoded once between changes.
   */
  syncStep2Message(stateVector: Uint8Array): Uint8Array {
    if (stateVector.byteLength === EMPTY_STATE_VECTOR_LENGTH && stateVector[0] === 0) {
      return this.wholeStateMessage();
    }
    return syncMessage(syncProtocol.messageYjsSyncStep2, Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  private wholeStateMessage(): Uint8Array {
    if (!this.fullStateMessage) {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.byteSize = state.byteLength;
      this.fullStateMessage = syncMessage(syncProtocol.messageYjsSyncStep2, state);
    }
    return this.fullStateMessage;
  }

  get maxAwarenessStateBytes(): number {
    return this.deps.maxAwarenessStateBytes;
  }

  /**
   * Applies a client's update, after checking it decodes, fits in the size limit, writes only
   * under client ids of its user (ClientIdClaims) and keeps the document valid for the editor
   * (checkClientUpdate), all before any part of it touches the document or another client. While
   * a first use of a client id is being claimed, answers the claim: apply the update again once
   * it settles. In a quiet room the update is then sent on to the others at once,
   * before the server spends time applying it (as a relay would); see onDocUpdate for the rest.
   */
  applyClientUpdate(conn: Connection, update: Uint8Array, kind: UpdateKind): Promise<void> | undefined {
    if (this.byteSize + this.unappliedBytes() + update.byteLength > this.deps.maxDocumentBytes) {
      throw new CollabError(CloseCode.DOCUMENT_TOO_LARGE, 'document size limit reached');
    }
    let decoded: Decoded;
    try {
      // decoding the whole update first means a truncated or corrupt one is refused before
      // any part of it touches the document or another client
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new CollabError(CloseCode.MALFORMED_MESSAGE, 'malformed Yjs update');
    }
    let claim = this.claims.check(this.doc, decoded, conn.user.id);
    if (claim !== 'ok' && claim.foreign.length > 0) {
      // content under another member's (or the server's) client id: a live edit carrying it is a
      // forgery and refused; a reconnecting client's catch-up (sync step 2) may relay content the
      // server lost in a crash: that part is left out, its owners' clients send it again
      if (kind === 'update') ClientIdClaims.refuse(claim.foreign);
      update = withoutClients(update, claim.foreign);
      decoded = Y.decodeUpdate(update);
      claim = this.claims.check(this.doc, decoded, conn.user.id);
    }
    // content under a client id nobody holds yet: its claim is recorded first, and the update
    // comes again once it is (the connection's later messages wait meanwhile)
    if (claim !== 'ok') return this.claims.claim(conn.id, claim.unclaimed, conn.user.id);
    const verdict = checkClientUpdate(this.doc, decoded);
    if (verdict !== 'ok' && 'waitsFor' in verdict) {
      this.pending.park(conn, update, kind, verdict);
      return;
    }
    if (verdict !== 'ok') throw new CollabError(CloseCode.INVALID_DOCUMENT, verdict.invalid);
    this.integrate(conn, update, decoded, kind, true);
    if (this.pending.size > 0) {
      this.pending.retry(this.doc, (entry, held) =>
        this.integrate(entry.conn, entry.update, held, entry.kind, false),
      );
    }
  }

  private integrate(
    conn: Connection,
    update: Uint8Array,
    decoded: Decoded,
    kind: UpdateKind,
    mayForward: boolean,
  ): void {
    // (a sync step 2 is not sent on as it is: besides what the server lacks, it carries the
    // client's whole delete set, which the others have; applying it yields just the news)
    const busy = this.countOutgoing();
    if (mayForward && kind === 'update' && !this.batching && !busy) {
      // the first update of this turn of the event loop goes out at once; whatever else
      // arrives in the same turn is merged and sent at its end (sendOutbox)
      this.batching = true;
      setImmediate(this.sendOutbox);
      this.broadcast(syncMessage(syncProtocol.messageYjsUpdate, update), conn);
      this.forwarded = true;
    }
    const store = this.doc.store;
    const pendingDsBefore = store.pendingDs;
    const pendingStructsBefore = store.pendingStructs;
    const yjsPendingBefore = this.yjsPendingBytes();
    this.moves.beforeClientUpdate(decoded);
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      this.forwarded = false;
    }
    this.repairMoves(decoded, kind);
    // what Yjs keeps back itself (deletions of content it has not seen) counts as pending too
    const grown = this.yjsPendingBytes() - yjsPendingBefore;
    if (grown > 0) {
      conn.pendingBytes += grown;
      if (conn.pendingBytes > this.deps.maxPendingBytes) {
        store.pendingDs = pendingDsBefore;
        store.pendingStructs = pendingStructsBefore;
        throw new CollabError(CloseCode.PENDING_TOO_LARGE, 'too many updates that cannot be applied');
      }
    } else if (store.pendingDs === null && store.pendingStructs === null) {
      conn.pendingBytes = this.pending.bytesOf(conn);
    }
  }

  /** Whether some of the connection's updates wait for content the server does not have. */
  hasPending(conn: Connection): boolean {
    return this.pending.has(conn);
  }

  /** Settles once none of the connection's updates wait any more (see PendingUpdates). */
  whenApplied(conn: Connection): Promise<void> {
    return this.pending.whenApplied(conn);
  }

  /** Forgets a connection's waiting updates (it closed, or was refused). */
  dropPending(conn: Connection): void {
    this.pending.drop(conn);
  }

  /** Bytes received but not (yet) part of the document: they count against its size limit. */
  private unappliedBytes(): number {
    return this.pending.bytes + this.yjsPendingBytes();
  }

  private yjsPendingBytes(): number {
    const store = this.doc.store;
    return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
  }

  private repairMoves(decoded: Decoded, kind: UpdateKind): void {
    try {
      const report = this.moves.afterClientUpdate(decoded, SERVER, kind);
      if (report)
        this.deps.logger.debug({ documentId: this.documentId, ...report }, 'repaired moved clauses');
    } catch (error) {
      // e.g. a raw Yjs client that defined 'default' as another shared type
      this.deps.logger.warn({ err: error, documentId: this.documentId }, 'move repair skipped');
    }
  }

  /** The server's greeting once the document is loaded: its state vector and who is here. */
  greet(conn: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    conn.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(awarenessMessage(this.awareness, Array.from(states.keys())));
    }
  }

  broadcast(message: Uint8Array, except?: Connection): void {
    for (const conn of this.connections) if (conn !== except) conn.send(message);
  }

  destroy(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.repairTimer);
    clearTimeout(this.titleTimer);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    this.state = 'unloaded';
  }

  private readonly onDocUpdate = (
    update: Uint8Array,
    origin: unknown,
    _doc: Y.Doc,
    transaction: Y.Transaction,
  ): void => {
    if (origin === LOAD) return;
    this.fullStateMessage = null;
    this.byteSize += update.byteLength;
    const conn = origin === SERVER ? undefined : (origin as Connection);
    // who deleted what: Yjs does not say in the update, the server records it (storeDeletions)
    const deleted =
      conn && transaction.deleteSet.clients.size > 0 ? deletionRanges(transaction.deleteSet) : [];
    const seq = this.deps.queue.enqueue(
      this.documentId,
      update,
      conn?.user.id ?? null,
      deleted.length > 0 ? deleted : undefined,
    );
    this.lastQueuedSeq = seq;
    if (conn) {
      conn.lastQueuedSeq = seq;
      if (mayDuplicateClauseIds(transaction)) this.repairTimer ??= setTimeout(this.repair, REPAIR_DELAY_MS);
    }
    if (this.deps.onTitleChange) this.titleTimer ??= setTimeout(this.checkTitle, TITLE_DELAY_MS);
    // the client's update itself already went out (applyClientUpdate)
    if (this.forwarded) return;
    if (!conn) this.countOutgoing();
    if (!this.batching) {
      // everything applied in this turn of the event loop goes out as one message per connection:
      // under load (many writers, many readers) a turn reads many keystrokes, and each connection
      // gets one merged update rather than one message per keystroke. Waiting any longer than the
      // turn only adds latency (a fixed 4 ms window measured 1.4-1.9x hocuspocus' S5 p50; this,
      // 0.9-1.4x).
      this.batching = true;
      setImmediate(this.sendOutbox);
    }
    this.outbox.push(update);
    this.outboxOrigins.add(conn);
  };

  /** Counts an update this room sends; true when the room is busy (see BUSY_MESSAGES_PER_WINDOW). */
  private countOutgoing(): boolean {
    const now = performance.now();
    if (now - this.rateWindowStart > RATE_WINDOW_MS) {
      this.rateWindowStart = now;
      this.rateWindowUpdates = 0;
    }
    this.rateWindowUpdates++;
    // messages this room has to send lately: keystrokes × connections
    return this.rateWindowUpdates * this.connections.size > BUSY_MESSAGES_PER_WINDOW;
  }

  /**
   * Sends the updates applied later in the same turn of the event loop as one message: under
   * load, many clients' keystrokes arrive in one I/O phase, and every connection then gets one
   * merged update instead of one message per keystroke. The senders do not get the batch back
   * when it has only one sender; otherwise everyone gets it (Yjs ignores what it already has).
   */
  private readonly sendOutbox = (): void => {
    const updates = this.outbox;
    const origins = this.outboxOrigins;
    this.outbox = [];
    this.outboxOrigins = new Set();
    this.batching = false;
    if (updates.length === 0 || this.state === 'unloaded') return;
    const merged = updates.length === 1 ? updates[0]! : mergeUpdates(updates);
    const except = origins.size === 1 ? [...origins][0] : undefined;
    this.broadcast(syncMessage(syncProtocol.messageYjsUpdate, merged), except);
  };

  /** Applies a change made by the server itself (e.g. a rename through the API). */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), SERVER);
  }

  private readonly checkTitle = (): void => {
    this.titleTimer = undefined;
    if (this.state !== 'ready') return;
    const title = safely(() => readTitle(this.doc))?.trim();
    if (!title || title === this.lastTitle) return;
    this.lastTitle = title;
    this.deps.onTitleChange?.(this.documentId, title);
  };

  private readonly repair = (): void => {
    this.repairTimer = undefined;
    if (this.state !== 'ready') return;
    try {
      const fixed = repairClauseIds(this.doc, SERVER);
      if (fixed > 0)
        this.deps.logger.info({ documentId: this.documentId, fixed }, 'repaired duplicate clause ids');
    } catch (error) {
      // e.g. a raw Yjs client defined 'default' as another shared type: nothing to repair then
      this.deps.logger.warn({ err: error, documentId: this.documentId }, 'clause id repair skipped');
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    this.broadcast(awarenessMessage(this.awareness, changed), origin as Connection | undefined);
  };
}

/** A sync message carrying an update: sync step 2 (the answer to step 1) or a plain update. */
function syncMessage(
  step: typeof syncProtocol.messageYjsSyncStep2 | typeof syncProtocol.messageYjsUpdate,
  update: Uint8Array,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Reading the editor's structure fails when a raw Yjs client made `default` another type. */
function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
