import type { Types } from 'mongoose';
import { insertSnapshot } from '../collab/DocumentStore.js';

/**
 * Stores a new document's first Yjs state as its snapshot number 1, holding no updates yet
 * (compaction continues from 2).
 */
export async function storeInitialState(documentId: Types.ObjectId, state: Uint8Array): Promise<void> {
  await insertSnapshot(documentId.toHexString(), 1, state, 0);
}
