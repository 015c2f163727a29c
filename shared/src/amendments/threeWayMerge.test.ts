import { describe, expect, it } from 'vitest';
import { editsOverlap, threeWayMerge } from './threeWayMerge.js';
import { wordTokens } from './wordTokens.js';

const base = 'States shall guarantee free legal aid to persons in need.';

describe('threeWayMerge', () => {
  it('is unchanged when the clause did not change, and gives the proposal', () => {
    const proposal = 'States shall guarantee free and timely legal aid to persons in need.';
    const result = threeWayMerge(base, base, proposal);
    expect(result.state).toBe('unchanged');
    expect(result.text).toBe(proposal);
    expect(result.edits).toEqual([{ from: 28, to: 28, insert: 'and timely ', proposalOffset: 28 }]);
  });

  it('rebases disjoint edits: the proposal on top of the current text', () => {
    const current = 'Member States shall guarantee free legal aid to persons in need.';
    const proposal = 'States shall guarantee free legal aid to all persons in need.';
    const result = threeWayMerge(base, current, proposal);
    expect(result.state).toBe('clean');
    expect(result.text).toBe('Member States shall guarantee free legal aid to all persons in need.');
    expect(result.pieces.filter((p) => p.source === 'proposal').map((p) => p.text)).toEqual(['all ']);
  });

  it('reports overlapping edits as a conflict and changes nothing', () => {
    const current = 'States shall provide free legal aid to persons in need.';
    const proposal = 'States shall ensure free legal aid to persons in need.';
    const result = threeWayMerge(base, current, proposal);
    expect(result.state).toBe('conflict');
    expect(result.text).toBe(current);
    expect(result.edits).toEqual([]);
    expect(result.conflicts).toEqual([{ base: 'guarantee', current: 'provide', proposal: 'ensure' }]);
  });

  it('takes the same edit made on both sides once', () => {
    const both = 'States shall guarantee free legal assistance to persons in need.';
    const result = threeWayMerge(base, both, both);
    expect(result.state).toBe('clean');
    expect(result.edits).toEqual([]);
    expect(result.text).toBe(both);
  });

  it('merges deletions on both sides', () => {
    const current = 'States shall guarantee legal aid to persons in need.';
    const proposal = 'States shall guarantee free legal aid to persons.';
    const result = threeWayMerge(base, current, proposal);
    expect(result.state).toBe('clean');
    expect(result.text).toBe('States shall guarantee legal aid to persons.');
  });

  it('inserts at the start and the end of the clause', () => {
    const current = 'States shall guarantee free legal aid to persons in need. Always.';
    const proposal = 'All States shall guarantee free legal aid to persons in need.';
    expect(threeWayMerge(base, current, proposal).text).toBe(
      'All States shall guarantee free legal aid to persons in need. Always.',
    );
    const atEnd = threeWayMerge(base, 'The ' + base, base.replace('need.', 'need, promptly.'));
    expect(atEnd.state).toBe('clean');
    expect(atEnd.text).toBe('The States shall guarantee free legal aid to persons in need, promptly.');
  });

  it('calls two different insertions at the same point a conflict', () => {
    const result = threeWayMerge('a b', 'a x b', 'a y b');
    expect(result.state).toBe('conflict');
  });

  it('keeps accented and non-Latin words whole', () => {
    expect(wordTokens('Acceso à justiça — 司法')).toEqual([
      'Acceso',
      ' ',
      'à',
      ' ',
      'justiça',
      ' ',
      '—',
      ' ',
      '司法',
    ]);
    const es = 'Los Estados garantizarán el acceso a la justicia.';
    const result = threeWayMerge(
      es,
      'Los Estados Partes garantizarán el acceso a la justicia.',
      'Los Estados garantizarán el acceso efectivo a la justicia.',
    );
    expect(result.text).toBe('Los Estados Partes garantizarán el acceso efectivo a la justicia.');
    // decomposed accents (e + U+0301) stay with their letter
    const decomposed = 'acce\u0301s a\u0300 la justice';
    expect(wordTokens(decomposed)[0]).toBe('acce\u0301s');
    const ar = 'تضمن الدول المساعدة القانونية';
    expect(threeWayMerge(ar, ar + ' المجانية', 'تضمن جميع الدول المساعدة القانونية').text).toBe(
      'تضمن جميع الدول المساعدة القانونية المجانية',
    );
  });

  it('handles empty proposals and empty bases', () => {
    expect(threeWayMerge(base, base, '').text).toBe('');
    expect(threeWayMerge('', '', 'New text.').text).toBe('New text.');
    const deletedAll = threeWayMerge(base, 'Member ' + base, '');
    expect(deletedAll.state).toBe('conflict');
  });

  it('keeps line breaks between textblocks as their own tokens', () => {
    const merged = threeWayMerge(
      'Heading\nFirst text.',
      'Heading\nFirst text. More.',
      'New heading\nFirst text.',
    );
    expect(merged.text).toBe('New heading\nFirst text. More.');
  });
});

describe('editsOverlap (competing amendments)', () => {
  it('finds two amendments changing the same words, not disjoint ones', () => {
    const a = threeWayMerge(base, base, base.replace('guarantee', 'ensure')).edits;
    const b = threeWayMerge(base, base, base.replace('guarantee free', 'provide')).edits;
    const c = threeWayMerge(base, base, base.replace('in need', 'who need it')).edits;
    expect(editsOverlap(a, b)).toBe(true);
    expect(editsOverlap(a, c)).toBe(false);
    const d = threeWayMerge(base, base, base.replace('free ', 'free and prompt ')).edits;
    const e = threeWayMerge(base, base, base.replace('free ', 'free, public ')).edits;
    expect(editsOverlap(d, e)).toBe(true);
  });
});
