import { describe, expect, it } from 'vitest';
import { findMatches, searchNeedle } from './findMatches.js';
import { foldForSearch } from './foldForSearch.js';
import { snippetAround } from './snippetAround.js';

const marked = (text: string, query: string) =>
  findMatches(text, query).map((m) => text.slice(m.start, m.end));

describe('foldForSearch', () => {
  it('drops accents and case, keeping a map back to the original', () => {
    const { folded, origin } = foldForSearch('Acción Pública');
    expect(folded).toBe('accion publica');
    expect(origin[3]).toBe(3);
    expect(origin.length).toBe(folded.length);
  });

  it('folds decomposed input (NFD already) to the same text', () => {
    expect(foldForSearch('Accio\u0301n').folded).toBe('accion');
  });

  it('makes every white space character a space', () => {
    expect(foldForSearch('a\u00a0b\nc').folded).toBe('a b c');
  });
});

describe('findMatches', () => {
  it('is accent- and case-insensitive both ways (es, pt, fr)', () => {
    expect(marked('La Acción de justicia', 'accion')).toEqual(['Acción']);
    expect(marked('la accion de justicia', 'ACCIÓN')).toEqual(['accion']);
    expect(marked('Participação social', 'participacao')).toEqual(['Participação']);
    expect(marked('Élaboration des traités', 'elaboration des traites')).toEqual(['Élaboration des traités']);
  });

  it('maps matches back over decomposed characters', () => {
    const text = 'Accio\u0301n y accio\u0301n';
    expect(marked(text, 'acción')).toEqual(['Accio\u0301n', 'accio\u0301n']);
  });

  it('finds every occurrence, not overlapping, up to a limit', () => {
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findMatches('ab ab ab', 'ab', 2)).toHaveLength(2);
  });

  it('treats white space runs in the query as one space, and a blank query as no query', () => {
    expect(marked('access to\njustice', '  to   justice ')).toEqual(['to\njustice']);
    expect(searchNeedle('   ')).toBe('');
    expect(findMatches('anything', '  ')).toEqual([]);
  });

  it('finds nothing that is not there', () => {
    expect(findMatches('Acción', 'accionar')).toEqual([]);
  });
});

describe('snippetAround', () => {
  it('cuts at spaces and keeps the match offsets within the snippet', () => {
    const text = `${'word '.repeat(40)}TARGET${' more'.repeat(40)}`;
    const [match] = findMatches(text, 'target');
    const snippet = snippetAround(text, match!, 20);
    expect(snippet.text.slice(snippet.match.start, snippet.match.end)).toBe('TARGET');
    expect(snippet.cutBefore && snippet.cutAfter).toBe(true);
    expect(snippet.text.startsWith('word')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(46);
  });
});
