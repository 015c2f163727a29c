import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderCanonical } from '../document/render/renderCanonical.js';
import { buildNodes as b } from '../document/templates/buildNodes.js';
import { compareDocuments } from './compareDocuments.js';
import { inOrderOverlap } from './inOrderOverlap.js';
import { longestIncreasingSubsequence } from './longestIncreasingSubsequence.js';

const compare = (from: JSONContent, to: JSONContent) =>
  compareDocuments(renderCanonical(from, 'en'), renderCanonical(to, 'en'));
const idOf = (node: JSONContent) => node.attrs!.clauseId as string;
/** The same clause (same id) with other text. */
const retext = (node: JSONContent, text: string) => ({
  ...node,
  content: [b.paragraph(text), ...node.content!.slice(1)],
});

const REPORT = 'Each Party shall publish an annual report on access to justice.';
const PUBLIC = 'The report shall be made available to the public free of charge.';
const FOCAL = 'Each Party shall designate a national focal point for paralegals.';

describe('split and merged clauses', () => {
  it('reports a paragraph split in two (Enter in the middle) as modified + a new split part', () => {
    const p1 = b.numberedParagraph(`${REPORT} ${PUBLIC}`);
    const p2 = b.numberedParagraph(FOCAL);
    const from = b.doc('t', [b.article('Reports', [p1, p2])]);
    const part = b.numberedParagraph(PUBLIC);
    const to = b.doc('t', [
      { ...from.content![1]!, content: [from.content![1]!.content![0]!, retext(p1, REPORT), part, p2] },
    ]);
    const result = compare(from, to);
    expect(result.entries.map((e) => [e.clauseId, e.changes])).toEqual([
      [idOf(p1), ['modified']],
      [idOf(part), ['added', 'split']],
      [idOf(p2), ['renumbered']],
    ]);
    expect(result.entries[0]).toMatchObject({
      splitInto: [idOf(part)],
      text: [{ value: REPORT }, { value: ` ${PUBLIC}`, removed: true }],
    });
    expect(result.entries[1]).toMatchObject({ splitFrom: idOf(p1), newNumber: '2' });
    expect(result.summary).toMatchObject({ added: 1, split: 1, modified: 1, renumbered: 1, merged: 0 });
  });

  it('reports a removed clause whose text went into two new clauses as split into both', () => {
    const p1 = b.numberedParagraph(`${REPORT} ${PUBLIC}`);
    const from = b.doc('t', [b.article('Reports', [p1])]);
    const a = b.numberedParagraph(`${REPORT.replace('.', ';')}`);
    const c = b.numberedParagraph(`and ${PUBLIC.toLowerCase()}`);
    const to = b.doc('t', [{ ...from.content![1]!, content: [from.content![1]!.content![0]!, a, c] }]);
    const result = compare(from, to);
    expect(result.entries.map((e) => [e.clauseId, e.changes, e.splitFrom, e.splitInto])).toEqual([
      [idOf(p1), ['removed'], null, [idOf(a), idOf(c)]],
      [idOf(a), ['added', 'split'], idOf(p1), []],
      [idOf(c), ['added', 'split'], idOf(p1), []],
    ]);
    expect(result.summary).toMatchObject({ added: 2, removed: 1, split: 2 });
  });

  it('reports a paragraph joined into the previous one as merged into it', () => {
    const p1 = b.numberedParagraph(REPORT);
    const p2 = b.numberedParagraph(PUBLIC);
    const p3 = b.numberedParagraph(FOCAL);
    const from = b.doc('t', [b.article('Reports', [p1, p2, p3])]);
    const to = b.doc('t', [
      {
        ...from.content![1]!,
        content: [from.content![1]!.content![0]!, retext(p1, `${REPORT} ${PUBLIC}`), p3],
      },
    ]);
    const result = compare(from, to);
    expect(result.entries.map((e) => [e.clauseId, e.changes, e.mergedFrom, e.mergedInto])).toEqual([
      [idOf(p1), ['modified', 'merged'], [idOf(p2)], null],
      [idOf(p2), ['removed'], [], idOf(p1)],
      [idOf(p3), ['renumbered'], [], null],
    ]);
    expect(result.summary).toMatchObject({ merged: 1, removed: 1, modified: 1, added: 0, split: 0 });
  });

  it('reports several removed clauses merged into one', () => {
    const p1 = b.numberedParagraph(REPORT);
    const p2 = b.numberedParagraph(PUBLIC);
    const p3 = b.numberedParagraph(FOCAL);
    const from = b.doc('t', [b.article('Reports', [p1, p2, p3])]);
    const merged = `${REPORT} ${PUBLIC} In addition, ${FOCAL.toLowerCase()}`;
    const to = b.doc('t', [
      { ...from.content![1]!, content: [from.content![1]!.content![0]!, retext(p1, merged)] },
    ]);
    const result = compare(from, to);
    expect(result.entries[0]).toMatchObject({
      changes: ['modified', 'merged'],
      mergedFrom: [idOf(p2), idOf(p3)],
    });
    expect(result.summary).toMatchObject({ merged: 1, removed: 2 });
  });

  it('does not take boilerplate shared with a re-added clause for a split', () => {
    const p1 = b.numberedParagraph('Each Party shall take the necessary measures to protect paralegals.');
    const from = b.doc('t', [b.article('Measures', [p1])]);
    const readded = b.numberedParagraph(
      'Each Party shall take the necessary measures to protect paralegals.',
    );
    const similar = b.numberedParagraph('Each Party shall take the necessary measures to train judges.');
    const to = b.doc('t', [
      { ...from.content![1]!, content: [from.content![1]!.content![0]!, readded, similar] },
    ]);
    const result = compare(from, to);
    expect(result.entries.map((e) => e.changes)).toEqual([['removed'], ['added'], ['added']]);
    expect(result.summary.split).toBe(0);
  });

  it('ignores overlaps under 4 words or under 60 % of the new clause', () => {
    const p1 = b.numberedParagraph('Done at Lima. Signed twice.');
    const from = b.doc('t', [b.article('Short', [p1])]);
    const tooShort = b.numberedParagraph('Signed twice.');
    const longer = b.numberedParagraph(`${REPORT} ${PUBLIC}`);
    const from2 = b.doc('t', [b.article('Long', [longer])]);
    const tooLittle = b.numberedParagraph(
      'The report shall be made available online, in print and in braille to everyone.',
    );
    const short = compare(
      from,
      b.doc('t', [
        {
          ...from.content![1]!,
          content: [from.content![1]!.content![0]!, retext(p1, 'Done at Lima.'), tooShort],
        },
      ]),
    );
    expect(short.summary.split).toBe(0);
    // 6 of the 14 words ("The report shall be made available") come from the text taken out
    const little = compare(
      from2,
      b.doc('t', [
        {
          ...from2.content![1]!,
          content: [from2.content![1]!.content![0]!, retext(longer, REPORT), tooLittle],
        },
      ]),
    );
    expect(little.summary.split).toBe(0);
  });
});

describe('inOrderOverlap', () => {
  it('counts the words two texts share in order', () => {
    expect(inOrderOverlap(['a', 'b', 'c', 'd'], ['x', 'a', 'c', 'y', 'd'])).toBe(3);
    expect(inOrderOverlap(['d', 'c', 'b', 'a'], ['a', 'b', 'c', 'd'])).toBe(1);
    expect(inOrderOverlap([], ['a'])).toBe(0);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('keeps a longest run in order, so one far move leaves the others in place', () => {
    expect(longestIncreasingSubsequence([0, 9, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(longestIncreasingSubsequence([0, 2, 1, 3])).toEqual([0, 2, 3]);
    expect(longestIncreasingSubsequence([])).toEqual([]);
    expect(longestIncreasingSubsequence([3, 2, 1])).toHaveLength(1);
  });
});
