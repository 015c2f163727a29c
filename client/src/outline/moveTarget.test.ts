import { describe, expect, it } from 'vitest';
import { moveTarget } from './moveTarget';
import type { OutlineEntry } from './outlineEntries';

const entry = (clauseId: string, kind: OutlineEntry['kind'], parentId: string | null): OutlineEntry => ({
  clauseId,
  kind,
  label: clauseId,
  number: '',
  heading: '',
  level: parentId ? 2 : 1,
  parentId,
  pos: 0,
});

// chapter I [a1, a2], chapter II [a3], a4 outside any chapter
const entries = [
  entry('c1', 'chapter', null),
  entry('a1', 'article', 'c1'),
  entry('a2', 'article', 'c1'),
  entry('c2', 'chapter', null),
  entry('a3', 'article', 'c2'),
  entry('a4', 'article', null),
];

describe('moveTarget', () => {
  it('moves before the previous / after the next clause of the same kind and parent', () => {
    expect(moveTarget(entries, 'a2', 'up')).toEqual({ targetId: 'a1', placement: 'before' });
    expect(moveTarget(entries, 'a1', 'down')).toEqual({ targetId: 'a2', placement: 'after' });
    expect(moveTarget(entries, 'c2', 'up')).toEqual({ targetId: 'c1', placement: 'before' });
  });

  it('crosses into the neighbouring chapter at its near end', () => {
    expect(moveTarget(entries, 'a3', 'up')).toEqual({ targetId: 'a2', placement: 'after' });
    expect(moveTarget(entries, 'a2', 'down')).toEqual({ targetId: 'a3', placement: 'before' });
    expect(moveTarget(entries, 'a4', 'up')).toEqual({ targetId: 'a3', placement: 'after' });
  });

  it('has nowhere to go at either end', () => {
    expect(moveTarget(entries, 'a1', 'up')).toBeNull();
    expect(moveTarget(entries, 'a4', 'down')).toBeNull();
    expect(moveTarget(entries, 'c1', 'up')).toBeNull();
    expect(moveTarget(entries, 'missing', 'up')).toBeNull();
  });
});
