import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { PersistenceQueue } from '../PersistenceQueue.js';
import type { UpdateRecord } from '../DocumentStore.js';
import { RemoteCustody } from './RemoteCustody.js';

function queue(): { queue: PersistenceQueue; stored: UpdateRecord[] } {
  const stored: UpdateRecord[] = [];
  const q = new PersistenceQueue(
    1,
    pino({ level: 'silent' }),
    async (records) => void stored.push(...records),
  );
  return { queue: q, stored };
}

const bytes = (n: number) => new Uint8Array([0, 0, n]);

describe('RemoteCustody', () => {
  it('lets go of what its origin stored, and stores what a silent origin left', async () => {
    const { queue: q, stored } = queue();
    const custody = new RemoteCustody(q, 1000);
    custody.keep('A', 'doc1', 5, bytes(5));
    custody.keep('A', 'doc1', 6, bytes(6));
    custody.keep('B', 'doc2', 3, bytes(3));
    custody.stored('A', 5);
    expect(custody.size).toBe(2);
    custody.sweep(Date.now() + 500); // nobody silent yet
    await q.drain();
    expect(stored).toEqual([]);
    custody.stored('B', 3);
    custody.sweep(Date.now() + 5000); // A and B silent: A's update 6 is stored here
    await q.drain();
    expect(stored.map((r) => [r.documentId, [...r.update]])).toEqual([['doc1', [0, 0, 6]]]);
    expect(custody.size).toBe(0);
  });

  it('stores what it keeps of a document it closes', async () => {
    const { queue: q, stored } = queue();
    const custody = new RemoteCustody(q, 1000);
    custody.keep('A', 'doc1', 1, bytes(1));
    custody.keep('A', 'doc2', 2, bytes(2));
    custody.release('doc2');
    await q.drain();
    expect(stored.map((r) => r.documentId)).toEqual(['doc2']);
    expect(custody.size).toBe(1);
  });
});
