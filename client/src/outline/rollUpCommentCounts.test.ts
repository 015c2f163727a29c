import { describe, expect, it } from 'vitest';
import type { TreeNode } from './buildTree';
import type { OutlineEntry } from './outlineEntries';
import { openThreadsIn, rollUpCommentCounts } from './rollUpCommentCounts';

/** A tree node as openThreadsIn reads it (only clause ids matter). */
const node = (clauseId: string, children: TreeNode[] = []): TreeNode => ({
  entry: { clauseId } as OutlineEntry,
  children,
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
    const chapter = node('c1', [node('a1'), node('a2')]);
    expect(openThreadsIn(chapter, { c1: 1, a1: 3, a2: 1 })).toBe(5);
    expect(openThreadsIn(chapter.children[1]!, { a1: 3, a2: 1 })).toBe(1);
  });
});
