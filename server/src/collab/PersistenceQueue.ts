import { mergeUpdates } from './mergeUpdates.js';
import type { UpdateRecord } from './DocumentStore.js';
import type { Logger } from '../logger.js';

interface Pending {
  seq: number;
  documentId: string;
  update: Uint8Array;
  userId: string | null;
  /** what the user deleted with it (UpdateRecord.deletions) */
  deletions: number[] | undefined;
  createdAt: Date;
  /** performance.now() when queued */
  queuedAt: number;
}

interface Waiter {
  seq: number;
  resolve: () => void;
}

const MAX_BATCH = 2000;
const MAX_BACKOFF_MS = 5000;

/**
 * Group commit of Yjs updates for every document of this process: one FIFO queue, one write in
 * flight. An update is written `flushMs` after it arrives, or as soon as the write in flight ends
 * if that is later; what arrived meanwhile goes in the same write. A failed write is retried with
 * back-off and nothing behind it is written first, so `storedThrough` — every update with
 * seq ≤ it is in the database — only grows.
 */
export class PersistenceQueue {
  private pending: Pending[] = [];
  private nextSeq = 1;
  private storedThroughSeq = 0;
  private writing = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private retrySize: number | undefined;
  private waiters: Waiter[] = [];
  private readonly onStoredListeners = new Set<(documentId: string, count: number) => void>();

  constructor(
    private readonly flushMs: number,
    private readonly logger: Logger,
    /** writes one batch of records (DocumentStore.append; a test may watch what and when) */
    private readonly store: (records: UpdateRecord[]) => Promise<void>,
  ) {}

  get storedThrough(): number {
    return this.storedThroughSeq;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Queues an update (and what its author deleted with it); returns its sequence number. */
  enqueue(documentId: string, update: Uint8Array, userId: string | null, deletions?: number[]): number {
    const seq = this.nextSeq++;
    this.pending.push({
      seq,
      documentId,
      update,
      userId,
      deletions,
      createdAt: new Date(),
      queuedAt: performance.now(),
    });
    this.schedule(this.flushMs);
    return seq;
  }

  /** Resolves once every update with a sequence number ≤ seq is stored. */
  whenStored(seq: number): Promise<void> {
    if (seq <= this.storedThroughSeq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  /** Calls `listener(documentId, records)` after records of a document's updates are stored. */
  onStored(listener: (documentId: string, count: number) => void): () => void {
    this.onStoredListeners.add(listener);
    return () => this.onStoredListeners.delete(listener);
  }

  /** Resolves once everything queued so far is stored. */
  drain(): Promise<void> {
    if (this.pending.length > 0) this.schedule(0);
    return this.whenStored(this.lastSeq);
  }

  private schedule(delay: number): void {
    if (this.writing) return;
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    // timers run before the poll phase of the same turn of the event loop: keystrokes already
    // waiting on the sockets are read and sent on first, and the write goes after them
    this.timer = setTimeout(() => setImmediate(this.startWrite), delay);
  }

  private readonly startWrite = (): void => {
    this.timer = undefined;
    void this.write();
  };

  private async write(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    // a retry writes exactly the batch that failed: same records, same hashes, stored once
    const batch = this.pending.slice(0, this.retrySize ?? MAX_BATCH);
    try {
      const records = mergeByDocumentAndAuthor(batch);
      await this.store(records);
      this.pending.splice(0, batch.length);
      this.failures = 0;
      this.retrySize = undefined;
      this.storedThroughSeq = batch[batch.length - 1]!.seq;
      this.notify(records);
    } catch (error) {
      this.failures++;
      this.retrySize = batch.length;
      const delay = Math.min(MAX_BACKOFF_MS, 50 * 2 ** this.failures);
      this.logger.error(
        { err: error, updates: batch.length, retryInMs: delay },
        'storing document updates failed; retrying (they stay in memory)',
      );
      this.writing = false;
      this.schedule(delay);
      return;
    }
    this.writing = false;
    // the next write waits until its oldest update is due: under a steady stream of keystrokes
    // this makes one write per flushMs rather than one per database round trip
    const oldest = this.pending[0];
    if (oldest) this.schedule(Math.max(0, oldest.queuedAt + this.flushMs - performance.now()));
  }

  private notify(records: UpdateRecord[]): void {
    const counts = new Map<string, number>();
    for (const record of records) counts.set(record.documentId, (counts.get(record.documentId) ?? 0) + 1);
    for (const [documentId, count] of counts) {
      for (const listener of this.onStoredListeners) listener(documentId, count);
    }
    const ready = this.waiters.filter((w) => w.seq <= this.storedThroughSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.storedThroughSeq);
    for (const waiter of ready) waiter.resolve();
  }
}

/**
 * One record per document and author per batch: a burst of keystrokes becomes one row. Merging is
 * deterministic, so a retried batch produces the same bytes and the same hash, under which the
 * store keeps each record's key until it is stored (DocumentStore.append).
 */
function mergeByDocumentAndAuthor(batch: Pending[]): UpdateRecord[] {
  const groups = new Map<string, Pending[]>();
  for (const item of batch) {
    const key = `${item.documentId}:${item.userId ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].map((items) => {
    const deletions = items.flatMap((i) => i.deletions ?? []);
    return {
      documentId: items[0]!.documentId,
      userId: items[0]!.userId,
      update: items.length === 1 ? items[0]!.update : mergeUpdates(items.map((i) => i.update)),
      createdAt: items[items.length - 1]!.createdAt,
      ...(deletions.length > 0 ? { deletions } : {}),
    };
  });
}
