import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedDelay } from './KeyedDelay.js';

describe('KeyedDelay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs each key once its delay is over, in order, with its latest value, on one timer', async () => {
    const due: Array<[string, number]> = [];
    const delay = new KeyedDelay<string, number>(1000, (key, value) => due.push([key, value]));
    delay.set('a', 1);
    await vi.advanceTimersByTimeAsync(400);
    delay.set('b', 2);
    delay.set('a', 3); // keeps a's due time
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(due).toEqual([['a', 3]]);
    await vi.advanceTimersByTimeAsync(400);
    expect(due).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a key set again when it falls due waits a whole delay more', async () => {
    const due: string[] = [];
    const delay: KeyedDelay<string, null> = new KeyedDelay(1000, (key) => {
      due.push(key);
      if (due.length === 1) delay.set(key, null);
    });
    delay.set('a', null);
    await vi.advanceTimersByTimeAsync(1000);
    expect(due).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(999);
    expect(due).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1);
    expect(due).toEqual(['a', 'a']);
  });

  it('take and takeAll stop the waits', async () => {
    const due: string[] = [];
    const delay = new KeyedDelay<string, number>(1000, (key) => due.push(key));
    delay.set('a', 1);
    delay.set('b', 2);
    expect(delay.take('a')?.value).toBe(1);
    expect(delay.take('a')).toBeUndefined();
    expect(delay.takeAll()).toEqual([['b', 2]]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(due).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
