import mongoose from 'mongoose';
import { DocumentModel } from '../models/Document.js';
import type { Logger } from '../logger.js';
import { serializePerDocument } from './serializePerDocument.js';
import { KeyedDelay } from '../collab/KeyedDelay.js';
import { KeyedWrites } from '../database/KeyedWrites.js';

/** how often at most a document's record is rewritten for text edits */
export const LAST_TEXT_CHANGE_INTERVAL_MS = 60_000;

/** "last changed" writes at once: a wave of first edits does not pile up queries (KeyedWrites) */
const MAX_WRITES_IN_FLIGHT = 4;

/**
 * Keeps a document's `updatedAt` ("Last changed" in lists) in step with its text. Text edits are
 * stored as insert-only updates, keystroke by keystroke; rewriting the document record for each
 * would cost a whole-record update per keystroke on FerretDB. So the first stored edit is written
 * at once, and later ones at most once per interval per document (the latest time, at the end of
 * the interval): a list is never more than a minute behind the text. Writes go through the
 * document's queue, like renames and member changes, so they never undo each other's fields.
 * One timer serves every document's interval (KeyedDelay), and a few writes are in flight at once.
 */
export class LastTextChange {
  /** documents in their quiet interval after a write → the latest text change not yet written */
  private readonly quiet: KeyedDelay<string, Date | null>;
  private readonly writes: KeyedWrites<string, Date>;

  constructor(
    private readonly logger: Logger,
    intervalMs = LAST_TEXT_CHANGE_INTERVAL_MS,
    /** writes the time on the document's record (a test may watch what and when) */
    private readonly record: (documentId: string, at: Date) => Promise<void> = recordTextChange,
  ) {
    this.quiet = new KeyedDelay(intervalMs, (documentId, at) => this.intervalEnded(documentId, at), true);
    this.writes = new KeyedWrites(MAX_WRITES_IN_FLIGHT, (documentId, at) =>
      this.record(documentId, at).catch((error: unknown) => {
        // the text itself is stored; only the list's "Last changed" is late
        this.logger.warn({ err: error, documentId }, 'could not record the time of a text change');
      }),
    );
  }

  /** Text of `documentId` was stored (PersistenceQueue.onStored). */
  changed(documentId: string, at = new Date()): void {
    if (this.quiet.has(documentId)) {
      this.quiet.set(documentId, at);
      return;
    }
    this.writes.queue(documentId, at);
    this.quiet.set(documentId, null);
  }

  /** Writes what is still waiting (at shutdown). */
  async flush(): Promise<void> {
    for (const [documentId, at] of this.quiet.takeAll()) {
      if (at) this.writes.queue(documentId, at);
    }
    await this.writes.whenIdle();
  }

  private intervalEnded(documentId: string, at: Date | null): void {
    if (!at) return;
    this.writes.queue(documentId, at);
    this.quiet.set(documentId, null);
  }
}

function recordTextChange(documentId: string, at: Date): Promise<void> {
  return serializePerDocument(documentId, async () => {
    // never back in time: a rename or member change since then keeps its later time
    await DocumentModel.updateOne(
      { _id: documentId, updatedAt: mongoose.trusted({ $lt: at }) },
      { $set: { updatedAt: at } },
      { timestamps: false },
    );
  });
}
