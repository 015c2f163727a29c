import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import pino from 'pino';
import * as Y from 'yjs';
import { connectDatabase } from '../database/connectDatabase.js';
import { documentStateKeys } from '../database/migrations/documentStateKeys.js';
import { DocHead } from '../models/DocHead.js';
import { DocSnapshot } from '../models/DocSnapshot.js';
import { DocUpdate } from '../models/DocUpdate.js';
import { DocumentStore, insertSnapshot, type UpdateRecord } from './DocumentStore.js';
import { sequenceKey } from '../database/sequenceKey.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string;
  }
}

// runs in the integration project (a real database): see vitest.config.ts
beforeAll(async () => {
  const uri = `${inject('mongodbUri')}store_${randomBytes(6).toString('hex')}`;
  await connectDatabase({ mongodbUri: uri }, pino({ level: 'silent' }));
});

afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
});

/** A document with its first state stored, like createDocument makes, and a writer on it. */
async function newDocument() {
  const documentId = new Types.ObjectId().toHexString();
  const writer = new Y.Doc();
  writer.getText('t').insert(0, 'start ');
  await insertSnapshot(documentId, 1, Y.encodeStateAsUpdate(writer), 0);
  const records = (texts: string[]): UpdateRecord[] => {
    const updates: Uint8Array[] = [];
    const keep = (u: Uint8Array) => updates.push(u);
    writer.on('update', keep);
    for (const text of texts) writer.getText('t').insert(writer.getText('t').length, text);
    writer.off('update', keep);
    return updates.map((update) => ({ documentId, userId: null, update, createdAt: new Date() }));
  };
  return { documentId, writer, records };
}

async function loadedText(documentId: string): Promise<{ text: string; updateCount: number }> {
  const loaded = await new DocumentStore().load(documentId);
  const doc = new Y.Doc();
  for (const update of loaded.updates) Y.applyUpdate(doc, update);
  return { text: doc.getText('t').toString(), updateCount: loaded.updateCount };
}

const rawUpdate = (documentId: string, seq: number, update: Uint8Array) => ({
  _id: sequenceKey(documentId, seq),
  documentId: new Types.ObjectId(documentId),
  seq,
  update: Buffer.from(update),
  hash: createHash('sha256').update(update).digest('hex'),
  userId: null,
  createdAt: new Date(),
});

describe('DocumentStore', () => {
  it('loads the first state and every update appended after it', async () => {
    const { documentId, records } = await newDocument();
    const store = new DocumentStore();
    await store.load(documentId);
    await store.append(records(['a', 'b']));
    await store.append(records(['c']));
    expect(await loadedText(documentId)).toEqual({ text: 'start abc', updateCount: 3 });
    expect((await DocUpdate.findById(sequenceKey(documentId, 3)).lean())?.seq).toBe(3);
  });

  it('stores once an update whose earlier write was stored but not answered', async () => {
    const { documentId, records } = await newDocument();
    const store = new DocumentStore();
    await store.load(documentId);
    const [a, b] = records(['a', 'b']);
    // what the lost attempt left: a under the key it was given
    await DocUpdate.collection.insertOne(rawUpdate(documentId, 1, a!.update) as never);
    await store.append([a!, b!]);
    expect(await loadedText(documentId)).toEqual({ text: 'start ab', updateCount: 2 });
  });

  it('moves an update to the next key when another writer took its key', async () => {
    const { documentId, records } = await newDocument();
    const store = new DocumentStore();
    await store.load(documentId);
    const [a, b] = records(['a', 'b']);
    await DocUpdate.collection.insertOne(rawUpdate(documentId, 1, b!.update) as never);
    await store.append([a!]);
    expect(await loadedText(documentId)).toEqual({ text: 'start ab', updateCount: 2 });
    expect((await DocUpdate.findById(sequenceKey(documentId, 2)).lean())?.hash).toBe(
      createHash('sha256').update(a!.update).digest('hex'),
    );
  });

  it('keeps the same update of two documents apart', async () => {
    const first = await newDocument();
    const second = new Types.ObjectId().toHexString();
    const store = new DocumentStore();
    await store.load(first.documentId);
    await store.load(second);
    const [update] = first.records(['x']);
    await store.append([update!, { ...update!, documentId: second }]);
    expect((await loadedText(first.documentId)).updateCount).toBe(1);
    expect((await loadedText(second)).updateCount).toBe(1);
  });

  it('reads past a key whose write never completed', async () => {
    const { documentId, records } = await newDocument();
    const [a, b, c] = records(['a', 'b', 'c']);
    await DocUpdate.collection.insertMany([
      rawUpdate(documentId, 1, a!.update),
      rawUpdate(documentId, 3, c!.update),
    ] as never);
    const store = new DocumentStore();
    await store.load(documentId);
    // the next record goes after the last one found, never into the hole
    await store.append([b!]);
    expect(await DocUpdate.findById(sequenceKey(documentId, 4)).lean()).not.toBeNull();
    expect(await loadedText(documentId)).toEqual({ text: 'start abc', updateCount: 3 });
  });

  it('compacts into the next snapshot, deletes exactly what it folded, and loads the same text', async () => {
    const { documentId, records } = await newDocument();
    const store = new DocumentStore();
    await store.load(documentId);
    for (let i = 0; i < 40; i++) await store.append(records([`${i % 10}`]));
    expect(await store.compact(documentId)).toBe(true);
    await store.append(records(['!']));
    const expected = `start ${'0123456789'.repeat(4)}!`;
    expect(await loadedText(documentId)).toEqual({ text: expected, updateCount: 1 });
    expect(await DocUpdate.countDocuments({ documentId: new Types.ObjectId(documentId) })).toBe(1);
    const snapshots = await DocSnapshot.find({ documentId: new Types.ObjectId(documentId) })
      .sort({ seq: 1 })
      .lean();
    expect(snapshots.map((s) => [s.seq, s.state === null, s.upTo])).toEqual([
      [1, true, 0],
      [2, false, 40],
    ]);
    expect((await DocHead.findById(new Types.ObjectId(documentId)).lean())?.snapshot).toBe(2);
  });

  it('finds the newest snapshot when the head hint lags behind', async () => {
    const { documentId, records } = await newDocument();
    const store = new DocumentStore();
    await store.load(documentId);
    for (let round = 0; round < 3; round++) {
      await store.append(records([`${round}`]));
      await store.compact(documentId);
    }
    await DocHead.updateOne({ _id: new Types.ObjectId(documentId) }, { $set: { snapshot: 1 } });
    expect(await loadedText(documentId)).toEqual({ text: 'start 012', updateCount: 0 });
  });

  it('loses nothing when two processes compact one document at once', async () => {
    const { documentId, records } = await newDocument();
    const writer = new DocumentStore();
    await writer.load(documentId);
    for (let i = 0; i < 20; i++) await writer.append(records(['w']));
    const other = new DocumentStore();
    await other.load(documentId);
    const results = await Promise.all([writer.compact(documentId), other.compact(documentId)]);
    expect(results).toContain(true);
    await writer.append(records(['!']));
    expect((await loadedText(documentId)).text).toBe(`start ${'w'.repeat(20)}!`);
  });

  it('with other instances writing, a writer that lags behind never stores below a snapshot', async () => {
    const { documentId, records } = await newDocument();
    const a = new DocumentStore({ sharedLog: true });
    const b = new DocumentStore({ sharedLog: true });
    await Promise.all([a.load(documentId), b.load(documentId)]);
    for (let i = 0; i < 6; i++) await a.append(records(['a']));
    // A folds its six records and deletes their keys: B, which wrote nothing yet, would take them
    expect(await a.compact(documentId)).toBe(true);
    await b.append(records(['b']));
    expect((await loadedText(documentId)).text).toBe('start aaaaaab');
    // the same two writers without the check: B's record goes where no load reads
    const plain = await newDocument();
    const c = new DocumentStore();
    const d = new DocumentStore();
    await Promise.all([c.load(plain.documentId), d.load(plain.documentId)]);
    for (let i = 0; i < 6; i++) await c.append(plain.records(['c']));
    await c.compact(plain.documentId);
    await d.append(plain.records(['d']));
    expect((await loadedText(plain.documentId)).text).toBe('start cccccc');
  });

  it('moves state stored under the old keys to the new ones', async () => {
    const documentId = new Types.ObjectId();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'old ');
    const snapshotState = Y.encodeStateAsUpdate(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('t').insert(4, 'text');
    await DocSnapshot.collection.insertOne({
      _id: new Types.ObjectId(),
      documentId,
      seq: 1,
      state: Buffer.from(snapshotState),
      folded: [],
      createdAt: new Date(),
    } as never);
    await DocUpdate.collection.insertOne({
      _id: new Types.ObjectId(),
      documentId,
      update: Buffer.from(updates[0]!),
      hash: 'h',
      userId: null,
      createdAt: new Date(),
    } as never);
    await documentStateKeys(pino({ level: 'silent' }));
    expect(await loadedText(documentId.toHexString())).toEqual({ text: 'old text', updateCount: 0 });
    expect(await DocUpdate.collection.countDocuments({ _id: { $type: 'objectId' } })).toBe(0);
    expect(await DocSnapshot.collection.countDocuments({ _id: { $type: 'objectId' } })).toBe(0);
  });
});
