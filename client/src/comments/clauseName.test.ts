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
    expect(clauseName(clauses.a3, lookup, t, 'en')).toBe('Article 3');
  });

  it('names paragraphs and points through the clauses around them', () => {
    expect(clauseName(clauses.p2, lookup, t, 'en')).toBe(
      'comments.clause.paragraph(parent=Article 3,number=2)',
    );
    expect(clauseName(clauses.pb, lookup, t, 'en')).toBe(
      'comments.clause.point(parent=comments.clause.paragraph(parent=Article 3,number=2),number=b)',
    );
  });

  it('falls back to the own label or "unnumbered"', () => {
    expect(clauseName({ ...clauses.p2!, parentId: 'gone' }, lookup, t, 'en')).toBe('2.');
    expect(clauseName({ ...clauses.a3!, number: null, label: null }, lookup, t, 'en')).toBe(
      'comments.thread.unnumberedClause',
    );
    expect(clauseName(null, lookup, t, 'en')).toBe('comments.thread.unnumberedClause');
  });

  it("names the clauses of a document in another language with the interface language's words", () => {
    // a Spanish text, read with a Portuguese, a French and an English interface
    const es: Record<string, NamedClause> = {
      c1: { kind: 'chapter', number: 'I', label: 'Capítulo I', parentId: null },
      a1: { kind: 'article', number: '1', label: 'Artículo 1', parentId: 'c1' },
      a3: { kind: 'article', number: '3', label: 'Artículo 3', parentId: 'c1' },
      p1: { kind: 'paragraph', number: '1', label: '1.', parentId: 'a3' },
      o2: { kind: 'objective', number: '2', label: 'Objetivo 2', parentId: null },
      x: { kind: 'action', number: '2.1', label: 'Acción 2.1', parentId: 'o2' },
    };
    const inEs = (id: string) => es[id];
    expect(clauseName(es.p1, inEs, t, 'pt')).toBe('comments.clause.paragraph(parent=Artigo 3,number=1)');
    expect(clauseName(es.a3, inEs, t, 'fr')).toBe('Article 3');
    expect(clauseName(es.a1, inEs, t, 'fr')).toBe('Article premier');
    expect(clauseName(es.c1, inEs, t, 'fr')).toBe('Chapitre premier');
    expect(clauseName(es.c1, inEs, t, 'en')).toBe('Chapter I');
    expect(clauseName(es.x, inEs, t, 'pt')).toBe('Ação 2.1');
    // an interface language without clause words of its own gets the English ones
    expect(clauseName(es.a3, inEs, t, 'de')).toBe('Article 3');
  });
});
