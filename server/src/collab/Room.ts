import * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import type { Logger } from '../logger.js';
import type { Connection } from './Connection.js';
import type { LoadedDocument } from './DocumentStore.js';
import type { PersistenceQueue } from './PersistenceQueue.js';
import { CollabError } from './CollabError.js';
import type { Extensions } from './Extensions.js';
import { Outbox } from './Outbox.js';
import { syncStep1Message, syncStep2Message } from './wire.js';
import { RoomAwareness } from './RoomAwareness.js';
import { createGhostKeepingDoc } from './moves/GhostIndex.js';
import { MoveRepair } from './moves/MoveRepair.js';
import { isPlainEdit } from './moves/plainEdit.js';
import { checkClientUpdate } from './checkClientUpdate.js';
import { PendingUpdates, type UpdateKind } from './PendingUpdates.js';
import { ClientIdClaims, withoutClients, type ClaimStore } from './ClientIdClaims.js';
import { deletionRanges } from './storeDeletions.js';
import { trimStructLists } from './trimStructLists.js';

export interface RoomDeps {
  queue: PersistenceQueue;
  logger: Logger;
  extensions: Extensions;
  maxDocumentBytes: number;
  /** bytes of one connection's updates waiting for content the server does not have */
  maxPendingBytes: number;
  /** bytes of one client's awareness state */
  maxAwarenessStateBytes: number;
  /** records the first claim of a client id (claimClientId) */
  claimStore: ClaimStore;
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;
const LOAD = Symbol('load');
/** origin of the server's own changes (API changes, clause id repair, move repair) */
export const SERVER_ORIGIN = Symbol('server');
/** origin of changes from other instances (stored by the instance whose client made them) */
export const REMOTE_ORIGIN = Symbol('remote');
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
  /** who is here and their carets, and what each connection hears of it */
  readonly presence: RoomAwareness;
  readonly connections = new Set<Connection>();
  /** who may write under which client id */
  readonly claims: ClientIdClaims;
  state: 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded' = 'loading';
  /** persistence sequence number of the newest update queued for this document */
  lastQueuedSeq = 0;
  /** upper bound of the encoded document size: state at load plus every update since */
  byteSize = 0;
  private readonly outbox: Outbox;
  /** the client update being applied was already sent to the room as it arrived */
  private forwarded = false;
  /** the client update being applied went to the extensions' onPlainEdit before it was applied */
  private early = false;
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
    this.outbox = new Outbox(this);
    this.presence = new RoomAwareness(doc, this.connections, (changed) =>
      this.deps.extensions.awareness(this, changed),
    );
    this.doc.on('update', this.onDocUpdate);
  }

  /** Puts the stored state into the document (before anyone is answered). */
  applyStored(stored: LoadedDocument): void {
    this.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    }, LOAD);
    trimStructLists(this.doc);
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
    return syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  private wholeStateMessage(): Uint8Array {
    if (!this.fullStateMessage) {
      const state = Y.encodeStateAsUpdate(this.doc);
      this.byteSize = state.byteLength;
      this.fullStateMessage = syncStep2Message(state);
    }
    return this.fullStateMessage;
  }

  get awareness(): RoomAwareness['awareness'] {
    return this.presence.awareness;
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
    // anything but a plain edit (a move, a clause deleted, writing into a moved clause's old copy)
    // waits for the end of the turn: a move repair it starts then goes out in the same message
    const store = this.doc.store;
    const pendingDsBefore = store.pendingDs;
    const pendingStructsBefore = store.pendingStructs;
    if (mayForward && kind === 'update' && isPlainEdit(this.doc, decoded)) {
      this.forwarded = this.outbox.forwardNow(update, conn);
      // (only when nothing waits in Yjs: then applying it yields exactly this update's news)
      if (pendingDsBefore === null && pendingStructsBefore === null) {
        this.early = true;
        this.deps.extensions.plainEdit(this, update, this.deps.queue.lastSeq + 1);
      }
    } else this.outbox.countOnly();
    const yjsPendingBefore = this.yjsPendingBytes();
    this.moves.beforeClientUpdate(decoded);
    try {
      Y.applyUpdate(this.doc, update, conn);
    } finally {
      this.forwarded = false;
      this.early = false;
    }
    trimStructLists(this.doc, decoded);
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
      const report = this.moves.afterClientUpdate(decoded, SERVER_ORIGIN, kind);
      if (report)
        this.deps.logger.debug({ documentId: this.documentId, ...report }, 'repaired moved clauses');
    } catch (error) {
      // e.g. a raw Yjs client that defined 'default' as another shared type
      this.deps.logger.warn({ err: error, documentId: this.documentId }, 'move repair skipped');
    }
  }

  /** The server's greeting once the document is loaded: its state vector and who is here. */
  greet(conn: Connection): void {
    conn.send(syncStep1Message(this.doc));
    const everyone = this.presence.everyone(conn);
    if (everyone) conn.send(everyone);
  }

  broadcast(message: Uint8Array, except?: Connection): void {
    this.outbox.broadcast(message, except);
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
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
    if (origin === REMOTE_ORIGIN) {
      // another instance stores it and has sent it to its own clients: this one sends it to its own
      this.deps.extensions.change(this, { update, conn: null, transaction, remote: true });
      this.outbox.add(update, undefined);
      return;
    }
    const conn = origin === SERVER_ORIGIN ? undefined : (origin as Connection);
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
    if (conn) conn.lastQueuedSeq = seq;
    const early = this.early && conn !== undefined;
    this.early = false;
    this.deps.extensions.change(this, { update, conn: conn ?? null, transaction, remote: false, seq, early });
    // the client's update itself already went out (applyClientUpdate)
    if (this.forwarded) return;
    this.outbox.add(update, conn);
  };

  /** Applies what another instance of Accord applied (see REMOTE_ORIGIN). */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
  }

  /** Applies awareness states from another instance (its clients' carets and names). */
  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.applyRemote(update);
  }

  /** Applies a change made by the server itself (e.g. a rename through the API). */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
  }
}
