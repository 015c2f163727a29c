import { Types } from 'mongoose';
import { DocDeletion, type DocDeletionRecord } from '../models/DocDeletion.js';
import { isDuplicateKeyError } from '../database/isDuplicateKeyError.js';

export interface DeletionEntry {
  documentId: string;
  userId: string;
  /** flat: client, clock, length, … (deletionRanges) */
  ranges: number[];
  /** SHA-256 of the update record the deletions came with: the record's key */
  hash: string;
  at: Date;
}

/**
 * Inserts who deleted what, in one command. A record already under its key was stored by an
 * attempt whose answer was lost (the key is the update record's hash): that counts as stored.
 */
export async function storeDeletions(entries: DeletionEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const db = DocDeletion.db.db;
  if (!db) throw new Error('the database connection is not open');
  const documents: DocDeletionRecord[] = entries.map((entry) => ({
    _id: `${entry.documentId}:${entry.hash}`,
    documentId: new Types.ObjectId(entry.documentId),
    userId: new Types.ObjectId(entry.userId),
    ranges: entry.ranges,
    at: entry.at,
  }));
  const reply = (await db.command({
    insert: DocDeletion.collection.collectionName,
    documents,
    ordered: false,
  })) as { writeErrors?: { code?: number; errmsg?: string }[] };
  const failed = (reply.writeErrors ?? []).filter((e) => !isDuplicateKeyError(e));
  if (failed.length > 0) {
    throw new Error(`storing deletions failed: ${failed.map((e) => `${e.code} ${e.errmsg}`).join('; ')}`);
  }
}

/** The ranges a transaction deleted, flat: client, clock, length, … */
export function deletionRanges(deleteSet: {
  clients: Map<number, { clock: number; len: number }[]>;
}): number[] {
  const ranges: number[] = [];
  for (const [client, items] of deleteSet.clients) {
    for (const item of items) ranges.push(client, item.clock, item.len);
  }
  return ranges;
}
