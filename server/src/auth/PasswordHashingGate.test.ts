import { describe, expect, it } from 'vitest';
import { PasswordHashingGate } from './PasswordHashingGate.js';
import { RateLimited } from '../errors/ApiError.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('PasswordHashingGate', () => {
  it('runs `concurrency` at once, queues `queue` more and refuses the rest at once', async () => {
    const gate = new PasswordHashingGate({ concurrency: 2, queue: 1, perClient: 10 });
    const work = [deferred(), deferred(), deferred()];
    let started = 0;
    const runs = work.map((w, i) =>
      gate.run(`client ${i}`, async () => {
        started += 1;
        await w.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toBe(2);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    await expect(gate.run('client 9', async () => 9)).rejects.toBeInstanceOf(RateLimited);
    work[0]!.resolve();
    expect(await runs[0]).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(3);
    work[1]!.resolve();
    work[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives one client at most `perClient` places, leaving room for others', async () => {
    const gate = new PasswordHashingGate({ concurrency: 1, queue: 5, perClient: 2 });
    const hold = deferred();
    const mine = [gate.run('a', () => hold.promise), gate.run('a', () => hold.promise)];
    await expect(gate.run('a', async () => 'x')).rejects.toBeInstanceOf(RateLimited);
    const other = gate.run('b', async () => 'b');
    hold.resolve();
    await Promise.all(mine);
    expect(await other).toBe('b');
    // places are given back, also when the work fails
    await expect(gate.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('a', async () => 'again')).toBe('again');
  });

  it('lets waiting clients take turns: a flooding client does not make another wait behind all of its work', async () => {
    const gate = new PasswordHashingGate({ concurrency: 1, queue: 10, perClient: 10 });
    const order: string[] = [];
    const hold = deferred();
    const first = gate.run('flood', () => hold.promise);
    const runs = [
      ...Array.from({ length: 5 }, (_, i) => gate.run('flood', async () => void order.push(`flood ${i}`))),
      gate.run('user', async () => void order.push('user')),
    ];
    hold.resolve();
    await Promise.all([first, ...runs]);
    expect(order.indexOf('user')).toBe(1);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});
