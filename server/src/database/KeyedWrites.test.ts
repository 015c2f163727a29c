import { describe, expect, it } from 'vitest';
import { KeyedWrites } from './KeyedWrites.js';

describe('KeyedWrites', () => {
  it('writes at most `max` at once, the rest in order with their newest value, and says when idle', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const writes = new KeyedWrites<string, number>(2, (key, value) => {
      started.push(`${key}=${value}`);
      return new Promise<void>((resolve) => finish.set(key, resolve));
    });
    writes.queue('a', 1);
    writes.queue('b', 1);
    // a write starts synchronously while a slot is free
    expect(started).toEqual(['a=1', 'b=1']);
    writes.queue('c', 1);
    writes.queue('d', 1);
    writes.queue('c', 2); // waiting: keeps its place, takes the newer value
    let idle = false;
    void writes.whenIdle().then(() => (idle = true));
    finish.get('b')!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a=1', 'b=1', 'c=2']);
    finish.get('a')!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a=1', 'b=1', 'c=2', 'd=1']);
    finish.get('c')!();
    finish.get('d')!();
    await new Promise((r) => setImmediate(r));
    expect(idle).toBe(true);
  });

  it('a write that fails or throws frees its slot', async () => {
    const started: string[] = [];
    const writes = new KeyedWrites<string, null>(1, (key) => {
      started.push(key);
      if (key === 'a') throw new Error('at once');
      return key === 'b' ? Promise.reject(new Error('later')) : Promise.resolve();
    });
    writes.queue('a', null);
    writes.queue('b', null);
    writes.queue('c', null);
    await writes.whenIdle();
    expect(started).toEqual(['a', 'b', 'c']);
  });
});
