import { describe, expect, it } from 'vitest';
import { buildTree } from './buildTree';
import type { OutlineEntry } from './outlineEntries';
import { openThreadsIn, rollUpCommentCounts } from './rollUpCommentCounts';

const entry = (clauseId: string, kind: OutlineEntry['kind'], parentId: string | null): OutlineEntry => ({
  clauseId,
  kind,
  label: clauseId,
  heading: '',
  level: parentId ? 2 : 1,
  parentId,
  pos: 0,
});

// chapter c1 [article a1 [paragraph p1 [point x1]], article a2]
const parents: Record<string, string> = { x1: 'p1', p1: 'a1', a1: 'c1', a2: 'c1' };
const listed = new Set(['c1', 'a1', 'a2']);

describe('rollUpCommentCounts', () => {
  it('counts open threads of unlisted clauses on the listed clause around them', () => {
    const rolled = rollUpCommentCounts(
      {
        x1: { open: 1, resolved: 4 },
        p1: { open: 2, resolved: 0 },
        a2: { open: 1, resolved: 0 },
        gone: { open: 5, resolved: 0 },
        c1: { open: 0, resolved: 2 },
      },
      listed,
      (id) => parents[id],
    );
    expect(rolled).toEqual({ a1: 3, a2: 1 });
  });

  it('adds up a clause and everything inside it', () => {
    const [chapter] = buildTree([
      entry('c1', 'chapter', null),
      entry('a1', 'article', 'c1'),
      entry('a2', 'article', 'c1'),
    ]);
    expect(openThreadsIn(chapter!, { c1: 1, a1: 3, a2: 1 })).toBe(5);
    expect(openThreadsIn(chapter!.children[1]!, { a1: 3, a2: 1 })).toBe(1);
  });
});
