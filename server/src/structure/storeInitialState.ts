import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { insertSnapshot } from '../collab/DocumentStore.js';
import { claimClientId } from '../collab/claimClientId.js';

/**
 * Stores a new document's first Yjs state as its snapshot number 1, holding no updates yet
 * (compaction continues from 2). The client id it was written under is its creator's (the
 * authors of a clause name them for the template or imported text).
 */
export async function storeInitialState(
  documentId: Types.ObjectId,
  state: Uint8Array,
  creatorId: string,
): Promise<void> {
  const id = documentId.toHexString();
  const clientIds = new Set(Y.decodeUpdate(state).structs.map((struct) => struct.id.client));
  for (const clientId of clientIds) await claimClientId(id, clientId, creatorId);
  await insertSnapshot(id, 1, state, 0);
}
