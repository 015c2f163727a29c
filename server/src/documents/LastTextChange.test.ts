import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { LastTextChange } from './LastTextChange.js';

const MINUTE = 60_000;

describe('LastTextChange', () => {
  let writes: Array<{ documentId: string; at: number }>;
  let clock: LastTextChange;

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
    writes = [];
    clock = new LastTextChange(pino({ level: 'silent' }), MINUTE, async (documentId, at) => {
      writes.push({ documentId, at: at.getTime() });
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const at = (ms: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + ms);

  it('records the first edit at once and later ones at most once a minute, with the latest time', async () => {
    clock.changed('a', at(0));
    expect(writes).toEqual([{ documentId: 'a', at: at(0).getTime() }]);
    // a minute of typing: nothing more is written during it
    for (let s = 1; s < 60; s++) {
      await vi.advanceTimersByTimeAsync(1_000);
      clock.changed('a', at(s * 1_000));
    }
    expect(writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(writes).toEqual([
      { documentId: 'a', at: at(0).getTime() },
      { documentId: 'a', at: at(59_000).getTime() },
    ]);
    // a quiet minute writes nothing; the next edit after it is written at once
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(writes).toHaveLength(2);
    clock.changed('a', at(4 * MINUTE));
    expect(writes).toHaveLength(3);
  });

  it('keeps documents apart, and writes what is waiting when flushed', async () => {
    clock.changed('a', at(0));
    clock.changed('b', at(0));
    clock.changed('a', at(10_000));
    expect(writes.map((w) => w.documentId)).toEqual(['a', 'b']);
    await clock.flush();
    expect(writes).toEqual([
      { documentId: 'a', at: at(0).getTime() },
      { documentId: 'b', at: at(0).getTime() },
      { documentId: 'a', at: at(10_000).getTime() },
    ]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(writes).toHaveLength(3);
  });

  it('a failed write is logged, not thrown', async () => {
    const failing = new LastTextChange(pino({ level: 'silent' }), MINUTE, () =>
      Promise.reject(new Error('database down')),
    );
    expect(() => failing.changed('a')).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
  });
});
