import { describe, expect, it } from 'vitest';
import { WriteLimiter } from './WriteLimiter.js';

describe('WriteLimiter', () => {
  it('runs at most `max` tasks at once, the rest in order as slots free, and passes results and errors on', async () => {
    const limiter = new WriteLimiter(2);
    const started: number[] = [];
    const finish = new Map<number, (value: number) => void>();
    const task = (n: number) => () =>
      new Promise<number>((resolve, reject) => {
        started.push(n);
        finish.set(n, n === 3 ? () => reject(new Error('three')) : resolve);
      });
    const results = [1, 2, 3, 4].map((n) => limiter.run(task(n)));
    // a task starts synchronously while a slot is free
    expect(started).toEqual([1, 2]);
    finish.get(2)!(2);
    await results[1];
    expect(started).toEqual([1, 2, 3]);
    finish.get(3)!(3);
    await expect(results[2]).rejects.toThrow('three');
    expect(started).toEqual([1, 2, 3, 4]);
    finish.get(1)!(1);
    finish.get(4)!(4);
    expect(await Promise.all([results[0], results[3]])).toEqual([1, 4]);
  });

  it('a task that throws synchronously frees its slot', async () => {
    const limiter = new WriteLimiter(1);
    await expect(
      limiter.run(() => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});
