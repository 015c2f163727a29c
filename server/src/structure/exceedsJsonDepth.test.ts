import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './exceedsJsonDepth.js';

describe('exceedsJsonDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(exceedsJsonDepth('text', 0)).toBe(false);
    expect(exceedsJsonDepth({ a: [1, 2] }, 2)).toBe(false);
    expect(exceedsJsonDepth({ a: [1, { b: 2 }] }, 2)).toBe(true);
  });

  it('walks a value nested far deeper than the stack allows without overflowing', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = [value];
    expect(exceedsJsonDepth(value, 128)).toBe(true);
  });
});
