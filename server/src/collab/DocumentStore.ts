import mongoose, { Types } from 'mongoose';
import * as Y from 'yjs';
import { DocSnapshot } from '../models/DocSnapshot.js';
import { DocUpdate } from '../models/DocUpdate.js';

export interface LoadedDocument {
  /** the stored state as one update (snapshot and updates merged) */
  updates: Uint8Array[];
  /** how many doc_updates records the document has beside its snapshot */
  updateCount: number;
}

/** Reads and compacts a document's stored Yjs state (doc_snapshots + doc_updates). */
export class DocumentStore {
  async load(documentId: string): Promise<LoadedDocument> {
    const id = new Types.ObjectId(documentId);
    const [snapshot, updates] = await Promise.all([
      DocSnapshot.findOne({ documentId: id }).sort({ seq: -1 }).lean(),
      DocUpdate.find({ documentId: id }, { update: 1 }).sort({ _id: 1 }).lean(),
    ]);
    const bytes: Uint8Array[] = [];
    if (snapshot) bytes.push(toBytes(snapshot.state));
    for (const u of updates) bytes.push(toBytes(u.update));
    return { updates: bytes, updateCount: updates.length };
  }

  /**
   * Folds the latest snapshot and every stored update into a new snapshot, then deletes exactly
   * the updates it folded and the older snapshots. Returns false when another compaction of the
   * same document won the race (its snapshot took our sequence number): nothing is deleted then.
   */
  async compact(documentId: string): Promise<boolean> {
    const id = new Types.ObjectId(documentId);
    const snapshot = await DocSnapshot.findOne({ documentId: id }).sort({ seq: -1 }).lean();
    const updates = await DocUpdate.find({ documentId: id }, { update: 1 }).sort({ _id: 1 }).lean();
    if (updates.length === 0) return true;
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, toBytes(snapshot.state));
      for (const u of updates) Y.applyUpdate(doc, toBytes(u.update));
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const seq = (snapshot?.seq ?? 0) + 1;
    const folded = updates.map((u) => u._id);
    try {
      await DocSnapshot.create({
        documentId: id,
        seq,
        state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
        folded,
        createdAt: new Date(),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    await DocUpdate.deleteMany({ _id: mongoose.trusted({ $in: folded }) });
    await DocSnapshot.deleteMany({ documentId: id, seq: mongoose.trusted({ $lt: seq }) });
    return true;
  }
}

export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  // mongoose lean() returns BSON Binary for Buffer paths
  const binary = value as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary.buffer instanceof Uint8Array) return binary.buffer;
  throw new TypeError('stored Yjs state is not binary');
}

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
