import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { DocUpdate } from '../models/DocUpdate.js';
import type { Logger } from '../logger.js';

interface Pending {
  seq: number;
  documentId: string;
  update: Uint8Array;
  userId: string | null;
  createdAt: Date;
}

interface Waiter {
  seq: number;
  resolve: () => void;
}

const MAX_BATCH = 2000;
const MAX_BACKOFF_MS = 5000;

/**
 * Group commit of Yjs updates for every document of this process: one FIFO queue, one write in
 * flight. An update is written at most `flushMs` after it arrives (or right after the write in
 * flight). A failed write is retried with back-off and nothing behind it is written first, so
 * `storedThrough` — every update with seq ≤ it is in the database — only grows.
 */
export class PersistenceQueue {
  private pending: Pending[] = [];
  private nextSeq = 1;
  private storedThroughSeq = 0;
  private writing = false;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private waiters: Waiter[] = [];
  private readonly onStoredListeners = new Set<(documentId: string, count: number) => void>();

  constructor(
    private readonly flushMs: number,
    private readonly logger: Logger,
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

  /** Queues an update; returns its sequence number. */
  enqueue(documentId: string, update: Uint8Array, userId: string | null): number {
    const seq = this.nextSeq++;
    this.pending.push({ seq, documentId, update, userId, createdAt: new Date() });
    this.schedule(this.flushMs);
    return seq;
  }

  /** Resolves once every update with a sequence number ≤ seq is stored. */
  whenStored(seq: number): Promise<void> {
    if (seq <= this.storedThroughSeq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  /** Calls `listener(documentId, count)` after updates of a document are stored. */
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
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, delay);
  }

  private async write(): Promise<void> {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = this.pending.slice(0, MAX_BATCH);
    try {
      await insertIgnoringDuplicates(batch);
      this.pending.splice(0, batch.length);
      this.failures = 0;
      this.storedThroughSeq = batch[batch.length - 1]!.seq;
      this.notify(batch);
    } catch (error) {
      this.failures++;
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
    // what arrived during the write has waited long enough
    if (this.pending.length > 0) this.schedule(0);
  }

  private notify(batch: Pending[]): void {
    const counts = new Map<string, number>();
    for (const item of batch) counts.set(item.documentId, (counts.get(item.documentId) ?? 0) + 1);
    for (const [documentId, count] of counts) {
      for (const listener of this.onStoredListeners) listener(documentId, count);
    }
    const ready = this.waiters.filter((w) => w.seq <= this.storedThroughSeq);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.storedThroughSeq);
    for (const waiter of ready) waiter.resolve();
  }
}

async function insertIgnoringDuplicates(batch: Pending[]): Promise<void> {
  const docs = batch.map((item) => ({
    documentId: new Types.ObjectId(item.documentId),
    update: Buffer.from(item.update.buffer, item.update.byteOffset, item.update.byteLength),
    hash: createHash('sha256').update(item.update).digest('hex'),
    userId: item.userId ? new Types.ObjectId(item.userId) : null,
    createdAt: item.createdAt,
  }));
  try {
    await DocUpdate.insertMany(docs, { ordered: false, lean: true });
  } catch (error) {
    // a retried batch meets the updates its lost-answer attempt already stored: those are fine
    const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] })
      .writeErrors;
    const onlyDuplicates =
      Array.isArray(writeErrors) && writeErrors.length > 0
        ? writeErrors.every((e) => (e.code ?? e.err?.code) === 11000)
        : (error as { code?: number }).code === 11000;
    if (!onlyDuplicates) throw error;
  }
}
