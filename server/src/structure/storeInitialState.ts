import type { Types } from 'mongoose';
import { DocSnapshot } from '../models/DocSnapshot.js';

/**
 * Stores a new document's first Yjs state as its snapshot number 1 (the unique (documentId, seq)
 * key: compaction continues from 2).
 */
export async function storeInitialState(documentId: Types.ObjectId, state: Uint8Array): Promise<void> {
  await DocSnapshot.create({
    documentId,
    seq: 1,
    state: Buffer.from(state.buffer, state.byteOffset, state.byteLength),
    folded: [],
    createdAt: new Date(),
  });
}
