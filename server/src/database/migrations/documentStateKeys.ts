import * as Y from 'yjs';
import type { Types } from 'mongoose';
import { DocSnapshot } from '../../models/DocSnapshot.js';
import { DocUpdate } from '../../models/DocUpdate.js';
import { insertSnapshot } from '../../collab/DocumentStore.js';
import { toBytes } from '../../collab/readStoredState.js';
import { isDuplicateKeyError } from '../isDuplicateKeyError.js';
import type { Logger } from '../../logger.js';

interface LegacyRecord {
  _id: Types.ObjectId;
  documentId: Types.ObjectId;
  seq?: number;
  state?: unknown;
  update?: unknown;
}

/**
 * Stored Yjs state from before string keys: snapshots and updates under ObjectId `_id`s, found by
 * `documentId`. Each document's legacy records are merged into its snapshot number 1 under the new
 * keys, then deleted. Safe to run again after a crash: a snapshot 1 that exists already holds them.
 */
export async function documentStateKeys(logger: Logger): Promise<void> {
  const legacy = { _id: { $type: 'objectId' as const } };
  const byDocument = new Map<
    string,
    { snapshot: LegacyRecord | null; updates: LegacyRecord[]; ids: Types.ObjectId[] }
  >();
  const entry = (record: LegacyRecord) => {
    const key = record.documentId.toHexString();
    let found = byDocument.get(key);
    if (!found) byDocument.set(key, (found = { snapshot: null, updates: [], ids: [] }));
    found.ids.push(record._id);
    return found;
  };
  for await (const found of DocSnapshot.collection.find(legacy)) {
    const record = found as unknown as LegacyRecord;
    const document = entry(record);
    if (!document.snapshot || (record.seq ?? 0) > (document.snapshot.seq ?? 0)) document.snapshot = record;
  }
  for await (const found of DocUpdate.collection.find(legacy)) {
    const record = found as unknown as LegacyRecord;
    entry(record).updates.push(record);
  }

  for (const [documentId, { snapshot, updates, ids }] of byDocument) {
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (snapshot?.state) Y.applyUpdate(doc, toBytes(snapshot.state));
      for (const u of updates) Y.applyUpdate(doc, toBytes(u.update));
    });
    try {
      await insertSnapshot(documentId, 1, Y.encodeStateAsUpdate(doc), 0);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    doc.destroy();
    await DocUpdate.collection.deleteMany({ _id: { $in: ids } } as never);
    await DocSnapshot.collection.deleteMany({ _id: { $in: ids } } as never);
  }
  // the old indexes found records by documentId; the new keys need none
  for (const [model, name] of [
    [DocUpdate, 'documentId_1_hash_1'],
    [DocUpdate, 'documentId_1__id_1'],
    [DocSnapshot, 'documentId_1_seq_1'],
  ] as const) {
    await model.collection.dropIndex(name).catch(() => {});
  }
  if (byDocument.size > 0)
    logger.info({ documents: byDocument.size }, 'stored document state moved to string keys');
}
