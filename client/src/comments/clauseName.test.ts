import { describe, expect, it } from 'vitest';
import { clauseName, type NamedClause } from './clauseName';

const t = (key: string, values?: Record<string, string>) =>
  values
    ? `${key}(${Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')})`
    : key;

const clauses: Record<string, NamedClause> = {
  a3: { kind: 'article', number: '3', label: 'Article 3', parentId: null },
  p2: { kind: 'paragraph', number: '2', label: '2.', parentId: 'a3' },
  pb: { kind: 'point', number: 'b', label: 'b)', parentId: 'p2' },
};
const lookup = (id: string) => clauses[id];

describe('clauseName', () => {
  it('names an article by its label', () => {
    expect(clauseName(clauses.a3, lookup, t)).toBe('Article 3');
  });

  it('names paragraphs and points through the clauses around them', () => {
    expect(clauseName(clauses.p2, lookup, t)).toBe('comments.clause.paragraph(parent=Article 3,number=2)');
    expect(clauseName(clauses.pb, lookup, t)).toBe(
      'comments.clause.point(parent=comments.clause.paragraph(parent=Article 3,number=2),number=b)',
    );
  });

  it('falls back to the own label or "unnumbered"', () => {
    expect(clauseName({ ...clauses.p2!, parentId: 'gone' }, lookup, t)).toBe('2.');
    expect(clauseName({ ...clauses.a3!, label: null }, lookup, t)).toBe('comments.thread.unnumberedClause');
    expect(clauseName(null, lookup, t)).toBe('comments.thread.unnumberedClause');
  });
});
