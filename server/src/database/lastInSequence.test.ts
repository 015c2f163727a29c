import { describe, expect, it } from 'vitest';
import { lastInSequence } from './lastInSequence.js';

describe('lastInSequence', () => {
  it('finds the last record of sequences of every length, from any hint', async () => {
    for (const length of [0, 1, 2, 3, 7, 8, 9, 100, 1023]) {
      for (const from of [0, 1, Math.floor(length / 2), length, length + 5]) {
        let lookups = 0;
        const found = await lastInSequence(async (n) => {
          lookups++;
          return n >= 1 && n <= length;
        }, from);
        expect(found).toBe(length);
        expect(lookups).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(length + 2)) + 3);
      }
    }
  });
});
