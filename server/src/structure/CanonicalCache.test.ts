import { describe, expect, it } from 'vitest';
import type { CanonicalDocument } from '@accord/shared';
import { CanonicalCache } from './CanonicalCache.js';

const rendering = (title: string) => ({ title }) as CanonicalDocument;

describe('CanonicalCache', () => {
  it('answers only for the same fingerprint, and drops the least recently used document', () => {
    const cache = new CanonicalCache(2);
    cache.set('a', 'v1', rendering('a1'));
    expect(cache.get('a', 'v1')?.title).toBe('a1');
    expect(cache.get('a', 'v2')).toBeUndefined();
    cache.set('b', 'v1', rendering('b1'));
    cache.get('a', 'v1');
    cache.set('c', 'v1', rendering('c1'));
    expect(cache.get('b', 'v1')).toBeUndefined();
    expect(cache.get('a', 'v1')?.title).toBe('a1');
    expect(cache.get('c', 'v1')?.title).toBe('c1');
  });
});
