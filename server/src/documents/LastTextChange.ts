import mongoose from 'mongoose';
import { DocumentModel } from '../models/Document.js';
import type { Logger } from '../logger.js';
import { serializePerDocument } from './serializePerDocument.js';

/** how often at most a document's record is rewritten for text edits */
export const LAST_TEXT_CHANGE_INTERVAL_MS = 60_000;

interface Pending {
  /** the latest text change not yet written */
  at: Date | null;
  /** ends the quiet interval after a write */
  timer: NodeJS.Timeout;
}

/**
 * Keeps a document's `updatedAt` ("Last changed" in lists) in step with its text. Text edits are
 * stored as insert-only updates, keystroke by keystroke; rewriting the document record for each
 * would cost a whole-record update per keystroke on FerretDB. So the first stored edit is written
 * at once, and later ones at most once per interval per document (the latest time, at the end of
 * the interval): a list is never more than a minute behind the text. Writes go through the
 * document's queue, like renames and member changes, so they never undo each other's fields.
 */
export class LastTextChange {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = LAST_TEXT_CHANGE_INTERVAL_MS,
    /** writes the time on the document's record (a test may watch what and when) */
    private readonly record: (documentId: string, at: Date) => Promise<void> = recordTextChange,
  ) {}

  /** Text of `documentId` was stored (PersistenceQueue.onStored). */
  changed(documentId: string, at = new Date()): void {
    const pending = this.pending.get(documentId);
    if (pending) {
      pending.at = at;
      return;
    }
    void this.write(documentId, at);
    this.startInterval(documentId);
  }

  /** Writes what is still waiting (at shutdown). */
  async flush(): Promise<void> {
    const writes: Promise<void>[] = [];
    for (const [documentId, pending] of this.pending) {
      clearTimeout(pending.timer);
      if (pending.at) writes.push(this.write(documentId, pending.at));
    }
    this.pending.clear();
    await Promise.all(writes);
  }

  private startInterval(documentId: string): void {
    const timer = setTimeout(() => {
      const pending = this.pending.get(documentId);
      this.pending.delete(documentId);
      if (!pending?.at) return;
      void this.write(documentId, pending.at);
      this.startInterval(documentId);
    }, this.intervalMs);
    timer.unref();
    this.pending.set(documentId, { at: null, timer });
  }

  private write(documentId: string, at: Date): Promise<void> {
    return this.record(documentId, at).catch((error: unknown) => {
      // the text itself is stored; only the list's "Last changed" is late
      this.logger.warn({ err: error, documentId }, 'could not record the time of a text change');
    });
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
