import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import pino from 'pino';
import * as Y from 'yjs';
import { connectDatabase } from '../database/connectDatabase.js';
import { DocUpdate } from '../models/DocUpdate.js';
import { insertIgnoringDuplicates, type UpdateRecord } from './PersistenceQueue.js';

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

function records(documentId: string, texts: string[]): UpdateRecord[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const text of texts) doc.getText('t').insert(0, text);
  return updates.map((update) => ({ documentId, userId: null, update, createdAt: new Date() }));
}

describe('storing update records', () => {
  it('stores a retried batch once, and what was new in it', async () => {
    const documentId = new Types.ObjectId().toHexString();
    const [a, b, c] = records(documentId, ['a', 'b', 'c']);
    await insertIgnoringDuplicates([a!, b!]);
    // the retry of a batch whose answer was lost: a and b are stored already, c is new
    await insertIgnoringDuplicates([a!, b!, c!]);
    await insertIgnoringDuplicates([a!, b!, c!]);
    const stored = await DocUpdate.find({ documentId: new Types.ObjectId(documentId) })
      .sort({ _id: 1 })
      .lean();
    expect(stored).toHaveLength(3);
    const doc = new Y.Doc();
    for (const s of stored) Y.applyUpdate(doc, new Uint8Array(s.update.buffer));
    expect(doc.getText('t').toString()).toBe('cba');
  });

  it('keeps the same update of two documents apart', async () => {
    const [first, second] = [new Types.ObjectId().toHexString(), new Types.ObjectId().toHexString()];
    const [update] = records(first, ['x']);
    await insertIgnoringDuplicates([update!, { ...update!, documentId: second }]);
    for (const documentId of [first, second]) {
      expect(await DocUpdate.countDocuments({ documentId: new Types.ObjectId(documentId) })).toBe(1);
    }
  });
});
