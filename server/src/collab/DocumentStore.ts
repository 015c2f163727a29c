import { createHash } from 'node:crypto';
import { groupBy } from '@accord/shared';
import { Types } from 'mongoose';
import * as Y from 'yjs';
import { createGhostKeepingDoc } from './moves/GhostIndex.js';
import { DocHead } from '../models/DocHead.js';
import { DocSnapshot } from '../models/DocSnapshot.js';
import { DocUpdate } from '../models/DocUpdate.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';
import { readStoredState } from './readStoredState.js';
import { storeDeletions } from './storeDeletions.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { deleteRecords, readRecords, snapshotFence, type LateRecord } from './sharedLog.js';

export interface LoadedDocument {
  /** the stored state: the snapshot's, then each update after it */
  updates: Uint8Array[];
  /** how many doc_updates records the document has beside its snapshot */
  updateCount: number;
}

/** What a room's lifecycle needs of the persistence adapter (DocumentStore is the database's). */
export interface RoomStore {
  load(documentId: string): Promise<LoadedDocument>;
  /** folds the stored updates into a snapshot; false when another compaction won */
  compact(documentId: string): Promise<boolean>;
  /** the document is unloaded: its next load reads where its log ends */
  forget(documentId: string): void;
}

/** One record of a batch of the persistence queue: merged updates of one document and author. */
export interface UpdateRecord {
  documentId: string;
  userId: string | null;
  update: Uint8Array;
  createdAt: Date;
  /** what the user deleted with these updates, flat: client, clock, length, … (storeDeletions) */
  deletions?: number[];
}

/** This process's view of one open document's update log. */
interface Log {
  /** the sequence number the next new record gets */
  nextSeq: number;
  /** records being written, by hash: a retried batch writes each under the key it first had (none: nothing is) */
  writing: Map<string, number> | null;
}

interface UpdateDocument {
  _id: string;
  documentId: Types.ObjectId;
  seq: number;
  update: Buffer;
  hash: string;
  userId: Types.ObjectId | null;
  createdAt: Date;
}

/** how often one record is given the next key when other writers keep taking it */
const MAX_KEY_ATTEMPTS = 20;

/**
 * The persistence adapter of the collaboration server: loads, appends to and compacts a document's
 * stored Yjs state (doc_snapshots, doc_updates, doc_heads), with inserts under unique keys and
 * `_id` lookups only (models/DocUpdate.ts says why).
 */
export class DocumentStore implements RoomStore {
  private readonly logs = new Map<string, Log>();

  /**
   * `sharedLog`: other instances append to the same documents (REDIS_URL); every write and every
   * compaction then also checks for records stored below a snapshot's fence (sharedLog.ts).
   */
  constructor(private readonly options: { sharedLog?: boolean } = {}) {}

  async load(documentId: string): Promise<LoadedDocument> {
    const stored = await readStoredState(documentId);
    this.logs.set(documentId, { nextSeq: stored.lastSeq + 1, writing: null });
    const updates = stored.updates.map((u) => u.update);
    if (stored.snapshot) updates.unshift(stored.snapshot.state);
    return { updates, updateCount: stored.updates.length };
  }

  /** Forgets an unloaded document (its next load reads where its log ends). */
  forget(documentId: string): void {
    this.logs.delete(documentId);
  }

  /**
   * Stores a batch of records, each under its document's next key. Called again with the same
   * records after a failure, it stores each once: a record keeps its key until stored, and a key
   * already holding the same bytes (the answer to an earlier attempt was lost) counts as stored.
   * A key taken by another writer's record moves this one to the next key.
   */
  async append(records: UpdateRecord[]): Promise<void> {
    const all = await Promise.all(records.map((record) => this.toDocument(record)));
    let documents = all;
    for (let attempt = 1; documents.length > 0; attempt++) {
      const taken = await this.insert(documents);
      if (taken.length > 0 && attempt >= MAX_KEY_ATTEMPTS) {
        throw new Error(`storing document updates failed: ${taken.length} keys stayed taken`);
      }
      for (const document of taken) {
        const log = this.logs.get(document.documentId.toHexString())!;
        log.nextSeq = Math.max(log.nextSeq, document.seq + 1);
        document.seq = log.nextSeq++;
        document._id = sequenceKey(document.documentId.toHexString(), document.seq);
        (log.writing ??= new Map()).set(document.hash, document.seq);
      }
      documents = taken;
    }
    if (this.options.sharedLog) await this.keepAboveFence(all);
    // after the updates: a deletion is only recorded for an update that is stored
    await storeDeletions(
      records.flatMap((record, i) =>
        record.userId && record.deletions && record.deletions.length > 0
          ? [
              {
                documentId: record.documentId,
                userId: record.userId,
                ranges: record.deletions,
                hash: all[i]!.hash,
                at: record.createdAt,
              },
            ]
          : [],
      ),
    );
    for (const document of all) {
      const log = this.logs.get(document.documentId.toHexString());
      log?.writing?.delete(document.hash);
      if (log?.writing?.size === 0) log.writing = null;
    }
  }

  /**
   * Folds the newest snapshot and the updates after it into a new snapshot, then deletes exactly
   * the updates it folded. Updates still being written by this process are left for the next time.
   * Returns false when another compaction of the same document won the race (its snapshot took our
   * key): nothing is deleted then.
   */
  async compact(documentId: string): Promise<boolean> {
    const stored = await readStoredState(documentId);
    const log = this.logs.get(documentId);
    const writing = log?.writing ? Math.min(...log.writing.values()) : Infinity;
    const folded = stored.updates.filter((u) => u.seq < writing);
    if (folded.length === 0) return true;
    // keeps what the room keeps: moved clauses' old copies, which late edits may still reach
    const { doc } = createGhostKeepingDoc();
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
      for (const u of folded) Y.applyUpdate(doc, u.update);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const seq = (stored.snapshot?.seq ?? 0) + 1;
    const upTo = folded[folded.length - 1]!.seq;
    try {
      await insertSnapshot(documentId, seq, state, upTo);
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    if (log) log.nextSeq = Math.max(log.nextSeq, upTo + 1);
    if (this.options.sharedLog) {
      // another instance may have stored into a key this read found empty: it is below the fence now
      const holes = stored.holes.filter((h) => h < upTo);
      await this.moveAbove(documentId, await readRecords(documentId, holes), upTo);
    }
    const db = DocUpdate.db.db!;
    // one statement per key: a filter on `_id` alone is answered from the index on FerretDB too
    await db.command({
      delete: DocUpdate.collection.collectionName,
      deletes: folded.map((u) => ({ q: { _id: sequenceKey(documentId, u.seq) }, limit: 1 })),
      ordered: false,
    });
    if (stored.snapshot) {
      await DocSnapshot.updateOne(
        { _id: sequenceKey(documentId, stored.snapshot.seq) },
        { $set: { state: null } },
      );
    }
    return true;
  }

  /**
   * After a write with other writers about: the records that went at or below the newest
   * snapshot's fence (a key its compaction deleted, or a hole it read as empty) are stored again
   * above it (a duplicate at worst: Yjs applies an update once).
   */
  private async keepAboveFence(stored: UpdateDocument[]): Promise<void> {
    for (const [documentId, documents] of groupBy(stored, (d) => d.documentId.toHexString())) {
      const fence = await snapshotFence(documentId);
      const below = documents.filter((d) => d.seq <= fence);
      if (below.length === 0) continue;
      await this.moveAbove(
        documentId,
        below.map((d) => ({
          seq: d.seq,
          update: d.update,
          userId: d.userId?.toHexString() ?? null,
          createdAt: d.createdAt,
        })),
        fence,
      );
    }
  }

  /** Stores the records again under keys above `fence`, then deletes them where they were. */
  private async moveAbove(documentId: string, records: LateRecord[], fence: number): Promise<void> {
    if (records.length === 0) return;
    const log = this.logs.get(documentId);
    if (log) {
      log.nextSeq = Math.max(log.nextSeq, fence + 1);
      for (const r of records) log.writing?.delete(hashOf(r.update));
    }
    await this.append(
      records.map((r) => ({ documentId, userId: r.userId, update: r.update, createdAt: r.createdAt })),
    );
    await deleteRecords(
      documentId,
      records.map((r) => r.seq),
    );
  }

  private async toDocument(record: UpdateRecord): Promise<UpdateDocument> {
    const hash = hashOf(record.update);
    let log = this.logs.get(record.documentId);
    if (!log) {
      // not opened through this store (it always is; this keeps a stray write correct)
      const stored = await readStoredState(record.documentId);
      log = { nextSeq: stored.lastSeq + 1, writing: null };
      this.logs.set(record.documentId, log);
    }
    let seq = log.writing?.get(hash);
    if (seq === undefined) {
      seq = log.nextSeq++;
      (log.writing ??= new Map()).set(hash, seq);
    }
    return {
      _id: sequenceKey(record.documentId, seq),
      documentId: new Types.ObjectId(record.documentId),
      seq,
      update: Buffer.from(record.update.buffer, record.update.byteOffset, record.update.byteLength),
      hash,
      userId: record.userId ? new Types.ObjectId(record.userId) : null,
      createdAt: record.createdAt,
    };
  }

  /** Inserts in one command; returns the documents whose key holds another writer's record. */
  private async insert(documents: UpdateDocument[]): Promise<UpdateDocument[]> {
    const db = DocUpdate.db.db;
    if (!db) throw new Error('the database connection is not open');
    // one insert command on mongoose's connection: the records are built here field by field, so
    // mongoose's casting and the driver's bulk-write bookkeeping (insertMany) would only repeat work
    const reply = (await db.command({
      insert: DocUpdate.collection.collectionName,
      documents,
      ordered: false,
    })) as { writeErrors?: { index: number; code?: number; errmsg?: string }[] };
    const errors = reply.writeErrors ?? [];
    const failed = errors.filter((e) => !isDuplicateKeyError(e));
    if (failed.length > 0) {
      throw new Error(
        `storing document updates failed: ${failed.map((e) => `${e.code} ${e.errmsg}`).join('; ')}`,
      );
    }
    const taken: UpdateDocument[] = [];
    for (const error of errors) {
      const document = documents[error.index]!;
      const existing = await DocUpdate.findById(document._id, { hash: 1 }).lean();
      // the same bytes under the same key: stored by an attempt whose answer was lost
      if (existing?.hash !== document.hash) taken.push(document);
    }
    return taken;
  }
}

/** Stores a snapshot under its key and raises the document's head hint to it. */
export async function insertSnapshot(
  documentId: string,
  seq: number,
  state: Uint8Array,
  upTo: number,
): Promise<void> {
  await DocSnapshot.create({
    _id: sequenceKey(documentId, seq),
    documentId: new Types.ObjectId(documentId),
    seq,
    state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
    upTo,
    createdAt: new Date(),
  });
  try {
    await DocHead.updateOne(
      { _id: new Types.ObjectId(documentId) },
      { $max: { snapshot: seq } },
      { upsert: true },
    );
  } catch (error) {
    // two first upserts at once: the other one created the hint, and a hint may lag anyway
    if (!isDuplicateKeyError(error)) throw error;
  }
}

function hashOf(update: Uint8Array): string {
  return createHash('sha256').update(update).digest('hex');
}
