import { describe, expect, it, vi } from 'vitest';
import { OwnWrites } from './OwnWrites';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('OwnWrites', () => {
  it('does not fetch the echo of a write whose answer came first', async () => {
    const writes = new OwnWrites();
    await writes.run(
      async () => 't1',
      (id) => id,
    );
    const fetch = vi.fn();
    writes.handle('t1', fetch);
    expect(fetch).not.toHaveBeenCalled();
    // the next event of ours on that thread (another tab) is fetched
    writes.handle('t1', fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('holds an event that arrives before the answer, then drops it', async () => {
    const writes = new OwnWrites();
    const answer = deferred<string>();
    const running = writes.run(
      () => answer.promise,
      (id) => id,
    );
    const fetch = vi.fn();
    writes.handle('new-thread', fetch);
    expect(fetch).not.toHaveBeenCalled();
    answer.resolve('new-thread');
    await running;
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches a held event that was not ours after all', async () => {
    const writes = new OwnWrites();
    const answer = deferred<string>();
    const running = writes.run(
      () => answer.promise,
      (id) => id,
    );
    const fetch = vi.fn();
    writes.handle('other', fetch);
    answer.resolve('mine');
    await running;
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches when the write failed', async () => {
    const writes = new OwnWrites();
    const answer = deferred<string>();
    const running = writes.run(
      () => answer.promise,
      (id) => id,
    );
    const fetch = vi.fn();
    writes.handle('t1', fetch);
    answer.reject(new Error('409'));
    await expect(running).rejects.toThrow('409');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches every event after forget()', async () => {
    const writes = new OwnWrites();
    await writes.run(
      async () => 't1',
      (id) => id,
    );
    writes.forget();
    const fetch = vi.fn();
    writes.handle('t1', fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
