import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessCache } from './AccessCache.js';

afterEach(() => vi.useRealTimers());

describe('AccessCache', () => {
  it('remembers sessions and roles for its time limit only', () => {
    vi.useFakeTimers();
    const cache = new AccessCache(1000);
    cache.setSession('s:abc', { userId: 'u1', name: 'Ana' }, cache.begin());
    cache.setRole('u1', 'd1', 'drafter', cache.begin());
    expect(cache.getSession('s:abc')).toEqual({ userId: 'u1', name: 'Ana' });
    expect(cache.getRole('u1', 'd1')).toBe('drafter');
    vi.advanceTimersByTime(1001);
    expect(cache.getSession('s:abc')).toBeUndefined();
    expect(cache.getRole('u1', 'd1')).toBeUndefined();
  });

  it('forgets a user at logout and a role when a membership changes', () => {
    const cache = new AccessCache(60_000);
    const begun = cache.begin();
    cache.setSession('s:a', { userId: 'u1', name: 'Ana' }, begun);
    cache.setSession('s:b', { userId: 'u2', name: 'Ben' }, begun);
    cache.setRole('u1', 'd1', 'coordinator', begun);
    cache.setRole('u2', 'd1', 'reviewer', begun);
    cache.forgetUser('u1');
    expect(cache.getSession('s:a')).toBeUndefined();
    expect(cache.getRole('u1', 'd1')).toBeUndefined();
    expect(cache.getSession('s:b')).toBeDefined();
    cache.forgetRole('u2', 'd1');
    expect(cache.getRole('u2', 'd1')).toBeUndefined();
  });

  it('remembers nothing with a zero time limit', () => {
    const cache = new AccessCache(0);
    cache.setRole('u1', 'd1', 'drafter', cache.begin());
    expect(cache.getRole('u1', 'd1')).toBeUndefined();
  });

  it('does not remember a check that began before an invalidation', () => {
    const cache = new AccessCache(60_000);
    const begun = cache.begin();
    cache.forgetRole('u1', 'd1');
    cache.setRole('u1', 'd1', 'drafter', begun);
    expect(cache.getRole('u1', 'd1')).toBeUndefined();
  });
});
