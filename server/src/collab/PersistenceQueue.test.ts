import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pino from 'pino';
import { PersistenceQueue } from './PersistenceQueue.js';
import type { UpdateRecord } from './DocumentStore.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** a stream of real Yjs updates, one keystroke each */
function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < n; i++) text.insert(i, 'x');
  return updates;
}

describe('PersistenceQueue', () => {
  it('writes a steady stream once per flushMs, not once per database round trip', async () => {
    const flushMs = 30;
    const writes: { at: number; records: UpdateRecord[] }[] = [];
    // a database that answers in 8 ms: keystrokes keep arriving while each write is in flight
    const queue = new PersistenceQueue(flushMs, pino({ level: 'silent' }), async (records) => {
      writes.push({ at: performance.now(), records });
      await sleep(8);
    });
    const updates = keystrokes(60);
    const started = performance.now();
    let last = 0;
    for (const update of updates) {
      last = queue.enqueue('doc-1', update, 'user-1');
      await sleep(5);
    }
    const typedMs = performance.now() - started;
    await queue.whenStored(last);

    // a write starts once its oldest update has waited flushMs, so writes are flushMs apart
    // (timers have millisecond resolution: allow 2 ms)
    for (let i = 1; i < writes.length; i++) {
      expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(flushMs - 2);
    }
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(typedMs / flushMs) + 1);
    // every keystroke is in what was written, merged per document and author
    const doc = new Y.Doc();
    for (const write of writes) {
      expect(write.records).toHaveLength(1);
      Y.applyUpdate(doc, write.records[0]!.update);
    }
    expect(doc.getText('t').toString()).toBe('x'.repeat(60));
    expect(queue.storedThrough).toBe(last);
  });

  it('writes an update flushMs after it arrives when nothing else is queued', async () => {
    const writes: number[] = [];
    const queue = new PersistenceQueue(40, pino({ level: 'silent' }), async () => {
      writes.push(performance.now());
    });
    const queuedAt = performance.now();
    const seq = queue.enqueue('doc-1', keystrokes(1)[0]!, null);
    await queue.whenStored(seq);
    expect(writes).toHaveLength(1);
    expect(writes[0]! - queuedAt).toBeGreaterThanOrEqual(38);
  });
});
