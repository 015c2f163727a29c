import { Types } from 'mongoose';
import { DocHead } from '../models/DocHead.js';
import { DocSnapshot } from '../models/DocSnapshot.js';
import { DocUpdate } from '../models/DocUpdate.js';
import { sequenceKey } from '../database/sequenceKey.js';
import { lookupById } from '../database/lookupById.js';

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface StoredState {
  /** the newest snapshot, or null when the document has none */
  snapshot: { seq: number; state: Uint8Array; upTo: number } | null;
  /** the updates stored after the snapshot, by sequence number */
  updates: StoredUpdate[];
  /** the highest update sequence number seen (the snapshot's upTo when there are no updates) */
  lastSeq: number;
  /** keys after the snapshot and before lastSeq that held nothing when read */
  holes: number[];
}

/** the first window of update keys read at once; each next one is twice as large, up to the last */
const WINDOWS = [4, 8, 16, 32, 64];
/** this many missing keys in a row end the log (fewer are holes left by writes that never completed) */
const END_OF_LOG = 4;

/**
 * Reads a document's stored state with `_id` lookups only: the head hint, the snapshots from it to
 * the newest, then the updates after the snapshot in windows of consecutive keys read in parallel,
 * until END_OF_LOG keys in a row are missing. A missing key followed by stored ones (an update
 * whose write never completed, from a process that died) does not stop the read.
 */
export async function readStoredState(documentId: string): Promise<StoredState> {
  const snapshot = await newestSnapshot(documentId);
  const from = (snapshot?.upTo ?? 0) + 1;
  const updates: StoredUpdate[] = [];
  let start = from;
  let missing = 0;
  const empty: number[] = [];
  for (let w = 0; missing < END_OF_LOG; w = Math.min(w + 1, WINDOWS.length - 1)) {
    const size = WINDOWS[w]!;
    const found = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        lookupById<{ seq: number; update: unknown }>(DocUpdate, sequenceKey(documentId, start + i), {
          seq: 1,
          update: 1,
        }),
      ),
    );
    for (const [i, record] of found.entries()) {
      if (!record) {
        missing++;
        empty.push(start + i);
        continue;
      }
      missing = 0;
      updates.push({ seq: record.seq, update: toBytes(record.update) });
    }
    start += size;
  }
  const lastSeq = updates.length > 0 ? updates[updates.length - 1]!.seq : from - 1;
  return { snapshot, updates, lastSeq, holes: empty.filter((seq) => seq < lastSeq) };
}

async function newestSnapshot(documentId: string): Promise<StoredState['snapshot']> {
  const head = await lookupById<{ snapshot?: number }>(DocHead, new Types.ObjectId(documentId), {
    snapshot: 1,
  });
  let seq = head?.snapshot ?? 0;
  let current: Promise<SnapshotRead> = seq > 0 ? findSnapshot(documentId, seq) : Promise.resolve(null);
  for (;;) {
    // the newest is the last one whose successor does not exist
    const [record, next] = await Promise.all([current, findSnapshot(documentId, seq + 1)]);
    if (next) {
      seq += 1;
      current = Promise.resolve(next);
      continue;
    }
    if (!record) return null;
    // superseded between the two reads: its successor exists now
    if (record.state === null || record.state === undefined) {
      current = findSnapshot(documentId, seq + 1);
      seq += 1;
      continue;
    }
    return { seq: record.seq, state: toBytes(record.state), upTo: record.upTo };
  }
}

type SnapshotRead = { seq: number; state?: unknown; upTo: number } | null;

function findSnapshot(documentId: string, seq: number): Promise<SnapshotRead> {
  return lookupById(DocSnapshot, sequenceKey(documentId, seq), { seq: 1, state: 1, upTo: 1 });
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  // mongoose lean() returns BSON Binary for Buffer paths
  const binary = value as { buffer?: Uint8Array };
  if (binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new TypeError('stored Yjs state is not binary');
}
