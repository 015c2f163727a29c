import { DocHead } from '../models/DocHead.js';
import { DocSnapshot } from '../models/DocSnapshot.js';
import { DocUpdate } from '../models/DocUpdate.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { toBytes } from './readStoredState.js';

/**
 * Several instances append to one document's update log, each with its own idea of the next key
 * (a key another writer took moves a record on; DocumentStore.append). A load reads the newest
 * snapshot, then only the keys after its `upTo`, so a record stored at or below that fence after
 * the snapshot was made is never read again: a writer that lags behind can store into a key a
 * compaction has just deleted, or into a hole a compaction read as empty. These helpers let the
 * writer and the compaction find such records and store them again above the fence.
 */

/** The `upTo` of the document's newest snapshot; 0 when it has none. */
export async function snapshotFence(documentId: string): Promise<number> {
  const head = await DocHead.findById(documentId, { snapshot: 1 }).lean();
  let seq = head?.snapshot ?? 0;
  let upTo = 0;
  for (;;) {
    const next = await DocSnapshot.findById(sequenceKey(documentId, seq + 1), { upTo: 1 }).lean();
    if (!next) break;
    seq += 1;
    upTo = next.upTo;
  }
  if (upTo === 0 && seq > 0) {
    const newest = await DocSnapshot.findById(sequenceKey(documentId, seq), { upTo: 1 }).lean();
    upTo = newest?.upTo ?? 0;
  }
  return upTo;
}

export interface LateRecord {
  seq: number;
  update: Uint8Array;
  userId: string | null;
  createdAt: Date;
}

/** The records now stored under the given keys (e.g. keys a compaction read as empty). */
export async function readRecords(documentId: string, seqs: number[]): Promise<LateRecord[]> {
  const found = await Promise.all(seqs.map((seq) => DocUpdate.findById(sequenceKey(documentId, seq)).lean()));
  return found.flatMap((record) =>
    record
      ? [
          {
            seq: record.seq,
            update: toBytes(record.update),
            userId: record.userId ? record.userId.toHexString() : null,
            createdAt: record.createdAt,
          },
        ]
      : [],
  );
}

/** Deletes the records under the given keys (`_id` filters only). */
export async function deleteRecords(documentId: string, seqs: number[]): Promise<void> {
  if (seqs.length === 0) return;
  await DocUpdate.db.db!.command({
    delete: DocUpdate.collection.collectionName,
    deletes: seqs.map((seq) => ({ q: { _id: sequenceKey(documentId, seq) }, limit: 1 })),
    ordered: false,
  });
}
