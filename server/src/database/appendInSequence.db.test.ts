import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient, type Db } from 'mongodb';
import { appendInSequence } from './appendInSequence.js';

let client: MongoClient;
let db: Db;

beforeAll(async () => {
  client = new MongoClient(inject('mongodbUri'), { directConnection: true });
  db = client.db(`seq_${randomBytes(6).toString('hex')}`);
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

/**
 * Negotiation statuses, positions and sign-off decisions are appended with appendInSequence. With
 * several instances nothing serializes the writers: the unique `_id` must make every concurrent
 * append land, each under its own seq, none lost and none overwritten.
 */
describe('appendInSequence', () => {
  it('stores every one of 30 concurrent appends under consecutive seqs', async () => {
    const records = db.collection<{ _id: string; writer: number }>('records');
    const key = (n: number) => `clause:${n}`;
    const exists = async (n: number) => (await records.countDocuments({ _id: key(n) }, { limit: 1 })) > 0;
    const seqs = await Promise.all(
      Array.from({ length: 30 }, (_, writer) =>
        appendInSequence(exists, (n) => records.insertOne({ _id: key(n), writer })),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
    const stored = await records.find({}).toArray();
    expect(stored.map((r) => r.writer).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, n) => n),
    );
  });
});
