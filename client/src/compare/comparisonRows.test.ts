import { describe, expect, it } from 'vitest';
import {
  compareDocuments,
  renderCanonical,
  type CanonicalClause,
  type ClauseComparison,
} from '@accord/shared';
import type { JSONContent } from '@tiptap/core';
import { clauseLookups, comparisonRows, type ClauseRow } from './comparisonRows';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const paragraph = (id: string, value: string): JSONContent => ({
  type: 'numberedParagraph',
  attrs: { clauseId: id },
  content: [{ type: 'paragraph', content: [text(value)] }],
});
const article = (id: string, heading: string, ...paragraphs: JSONContent[]): JSONContent => ({
  type: 'article',
  attrs: { clauseId: id },
  content: [{ type: 'clauseHeading', content: [text(heading)] }, ...paragraphs],
});
const doc = (...articles: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'title', content: [text('Agreement')] }, ...articles],
});

const before = renderCanonical(
  doc(
    article(
      'aaaaaaaaaaaaaaaaaaaaaa',
      'Purpose',
      paragraph('paaaaaaaaaaaaaaaaaaaaa', 'The purpose is access to justice.'),
    ),
    article(
      'bbbbbbbbbbbbbbbbbbbbbb',
      'Definitions',
      paragraph('pbbbbbbbbbbbbbbbbbbbbb', 'Paralegal means a person.'),
    ),
    article(
      'cccccccccccccccccccccc',
      'Obligations',
      paragraph('pccccccccccccccccccccc', 'Each Party shall act.'),
    ),
  ),
  'en',
);
const after = renderCanonical(
  doc(
    article(
      'aaaaaaaaaaaaaaaaaaaaaa',
      'Purpose',
      paragraph('paaaaaaaaaaaaaaaaaaaaa', 'The purpose is access to justice.'),
    ),
    article('nnnnnnnnnnnnnnnnnnnnnn', 'Legal aid', paragraph('pnnnnnnnnnnnnnnnnnnnnn', 'Legal aid is free.')),
    article(
      'bbbbbbbbbbbbbbbbbbbbbb',
      'Definitions',
      paragraph('pbbbbbbbbbbbbbbbbbbbbb', 'Paralegal means a trained person.'),
    ),
  ),
  'en',
);

const clauseRows = (rows: ReturnType<typeof comparisonRows>) =>
  rows.filter((row): row is ClauseRow => row.type === 'clause');
const describeRow = (row: ClauseRow) =>
  `${row.old?.label ?? '–'} → ${row.new?.label ?? '–'} ${row.changes.join('+') || 'unchanged'}${row.quiet ? ' (quiet)' : ''}`;

describe('comparisonRows', () => {
  it('turns entries into rows with both numbers, renumbering kept quiet', () => {
    const comparison = compareDocuments(before, after);
    expect(before.clauses.length).toBeGreaterThan(0);
    expect(clauseRows(comparisonRows(comparison)).map(describeRow)).toEqual([
      '– → Article 2 added',
      '– → 1. added',
      'Article 2 → Article 3 renumbered (quiet)',
      '1. → 1. modified',
      'Article 3 → – removed',
      '1. → – removed',
    ]);
  });

  it('places the unchanged clauses of `to` in reading order, a removed clause after its sibling’s subtree', () => {
    const comparison = compareDocuments(before, after);
    const rows = clauseRows(comparisonRows(comparison, after.clauses));
    expect(rows.map(describeRow)).toEqual([
      'Article 1 → Article 1 unchanged (quiet)',
      '1. → 1. unchanged (quiet)',
      '– → Article 2 added',
      '– → 1. added',
      'Article 2 → Article 3 renumbered (quiet)',
      '1. → 1. modified',
      'Article 3 → – removed',
      '1. → – removed',
    ]);
    // the same rows as the shared function's own full listing
    const full = compareDocuments(before, after, { includeUnchanged: true });
    expect(rows.map((row) => row.changes)).toEqual(full.entries.map((entry) => entry.changes));
  });

  it('puts a title change first and text outside clauses by area', () => {
    const rows = comparisonRows({
      title: [
        { value: 'Old', removed: true },
        { value: 'New', added: true },
      ],
      entries: [],
      freeText: [
        {
          change: 'added',
          area: 'body',
          parentId: null,
          oldPath: null,
          newPath: [3],
          text: [{ value: 'Done at Lima', added: true }],
        },
        {
          change: 'removed',
          area: 'preamble',
          parentId: null,
          oldPath: [1, 0],
          newPath: null,
          text: [{ value: 'The Parties', removed: true }],
        },
      ],
    });
    expect(rows.map((row) => (row.type === 'freeText' ? `${row.type}:${row.change}` : row.type))).toEqual([
      'title',
      'freeText:removed',
      'freeText:added',
    ]);
  });
});

describe('clauseLookups', () => {
  it('finds the enclosing clause as numbered on each side', () => {
    const comparison = compareDocuments(before, after);
    const lookups = clauseLookups(comparison.entries, after.clauses);
    expect(lookups.old('bbbbbbbbbbbbbbbbbbbbbb')?.label).toBe('Article 2');
    expect(lookups.new('bbbbbbbbbbbbbbbbbbbbbb')?.label).toBe('Article 3');
    expect(lookups.old('aaaaaaaaaaaaaaaaaaaaaa')?.label).toBe('Article 1');
    expect(lookups.old('cccccccccccccccccccccc')?.label).toBe('Article 3');
    expect(lookups.new('cccccccccccccccccccccc')).toBeUndefined();
  });

  it('works without the `to` rendering, from the entries alone', () => {
    const entries: ClauseComparison[] = compareDocuments(before, after).entries;
    const clauses: CanonicalClause[] | null = null;
    expect(clauseLookups(entries, clauses).new('nnnnnnnnnnnnnnnnnnnnnn')?.label).toBe('Article 2');
  });
});
