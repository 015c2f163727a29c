import { describe, expect, it } from 'vitest';
import type { ClauseStatus } from '@accord/shared';
import { hiddenWhenAgreed, negotiationTotals } from './negotiationTotals';

const statuses: Record<string, ClauseStatus> = { a1: 'agreed', a2: 'agreed_ad_referendum', a3: 'bracketed' };
const statusOf = (id: string) => statuses[id] ?? 'pending';

describe('negotiationTotals', () => {
  it('counts the main kind only, agreed including ad referendum', () => {
    const clauses = [
      { clauseId: 'c1', kind: 'chapter' as const },
      { clauseId: 'a1', kind: 'article' as const },
      { clauseId: 'a2', kind: 'article' as const },
      { clauseId: 'a3', kind: 'article' as const },
      { clauseId: 'a4', kind: 'article' as const },
    ];
    expect(negotiationTotals(clauses, statusOf)).toEqual({
      kind: 'article',
      count: 4,
      agreed: 2,
      adReferendum: 1,
      bracketed: 1,
    });
  });

  it('counts actions in an action plan, and nothing in a document without clauses', () => {
    expect(negotiationTotals([{ clauseId: 'x', kind: 'action' }], statusOf)?.kind).toBe('action');
    expect(negotiationTotals([], statusOf)).toBeNull();
  });
});

describe('hiddenWhenAgreed', () => {
  it('hides agreed entries, except those holding an entry still open', () => {
    const entries = [
      { clauseId: 'a1', parentId: null },
      { clauseId: 'chapter', parentId: null },
      { clauseId: 'a2', parentId: 'chapter' },
      { clauseId: 'a3', parentId: 'chapter' },
    ];
    const agreedChapter = (id: string): ClauseStatus => (id === 'chapter' ? 'agreed' : statusOf(id));
    expect([...hiddenWhenAgreed(entries, agreedChapter)].sort()).toEqual(['a1', 'a2']);
    const allAgreed = (): ClauseStatus => 'agreed';
    expect([...hiddenWhenAgreed(entries, allAgreed)].sort()).toEqual(['a1', 'a2', 'a3', 'chapter']);
  });
});
