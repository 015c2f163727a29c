import { describe, expect, it } from 'vitest';
import { serializePerDocument } from './serializePerDocument.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('serializePerDocument', () => {
  it('runs the tasks of one document one at a time, in order', async () => {
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      serializePerDocument('d1', task('a')),
      serializePerDocument('d1', task('b')),
      serializePerDocument('d1', task('c')),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different documents concurrently', async () => {
    const log: string[] = [];
    await Promise.all(
      ['d2', 'd3'].map((id) =>
        serializePerDocument(id, async () => {
          log.push(`start ${id}`);
          await tick();
          log.push(`end ${id}`);
        }),
      ),
    );
    expect(log.slice(0, 2)).toEqual(['start d2', 'start d3']);
  });

  it('keeps going after a task fails, and passes the failure to its caller', async () => {
    const failed = serializePerDocument('d4', async () => {
      throw new Error('boom');
    });
    const next = serializePerDocument('d4', async () => 'after');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});
