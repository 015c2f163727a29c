import { describe, expect, it } from 'vitest';
import { mergeMarks } from './mergeMarks.js';
import { formattedDiff } from './formattedDiff.js';
import { carryMarks, carryParagraphMarks } from './carryMarks.js';
import { rebaseAmendment } from './rebaseAmendment.js';
import type { ClauseContent, TextRunContent } from './ClauseContent.js';

const bold = [{ type: 'bold' as const }];
const one = (...runs: TextRunContent[]): ClauseContent => ({ heading: null, paragraphs: [runs] });

describe('mergeMarks', () => {
  const base = one({ text: 'States shall act.' });
  const proposal = one({ text: 'States ' }, { text: 'shall', marks: bold }, { text: ' act.' });

  it('formats the words the proposal formats, where the current text still has them', () => {
    expect(mergeMarks(base, base, proposal).edits).toEqual([{ from: 7, to: 12, marks: bold }]);
    const moved = one({ text: 'All States shall act.' });
    expect(mergeMarks(base, moved, proposal).edits).toEqual([{ from: 11, to: 16, marks: bold }]);
  });

  it('removes marks as well as adding them, and does nothing when already done', () => {
    expect(mergeMarks(proposal, proposal, base).edits).toEqual([{ from: 7, to: 12, marks: undefined }]);
    expect(mergeMarks(base, proposal, proposal).edits).toEqual([]);
  });

  it('conflicts when the words were rewritten or formatted otherwise since tabling', () => {
    const rewritten = one({ text: 'States must act.' });
    expect(mergeMarks(base, rewritten, proposal).conflicts).toHaveLength(1);
    const italic = one(
      { text: 'States ' },
      { text: 'shall', marks: [{ type: 'italic' }] },
      { text: ' act.' },
    );
    expect(mergeMarks(base, italic, proposal).conflicts).toEqual([
      { base: 'shall', current: 'shall', proposal: 'shall' },
    ]);
  });

  it('shows formatting changes in the diff, and a mark-only proposal is not empty', () => {
    const rebased = rebaseAmendment({ kind: 'replace', base, proposal }, base);
    expect(rebased.state).toBe('pending');
    expect(rebased.marks).toHaveLength(1);
    expect(rebased.diff).toEqual([
      { value: 'States ' },
      { value: 'shall', formatted: true },
      { value: ' act.' },
    ]);
    expect(
      formattedDiff([{ value: 'ab', removed: true }, { value: 'cd' }], [{ from: 3, to: 4, marks: bold }]),
    ).toEqual([{ value: 'ab', removed: true }, { value: 'c' }, { value: 'd', formatted: true }]);
  });
});

describe('carryMarks', () => {
  it('keeps the marks of the words kept, and adds none to new words', () => {
    const runs = [{ text: 'States ' }, { text: 'shall', marks: bold }, { text: ' act.' }];
    expect(carryMarks(runs, 'All States shall act now.')).toEqual([
      { text: 'All States ' },
      { text: 'shall', marks: bold },
      { text: ' act now.' },
    ]);
    expect(carryMarks(runs, '')).toEqual([]);
  });
});

describe('carryParagraphMarks', () => {
  it('pairs lines with the paragraphs they were, around added and removed lines', () => {
    const p1 = [{ text: 'One ' }, { text: 'bold', marks: bold }];
    const p2 = [{ text: 'Two ' }, { text: 'strong', marks: bold }];
    expect(carryParagraphMarks([p1, p2], ['One bold', 'New', 'Two strong'])).toEqual([
      p1,
      [{ text: 'New' }],
      p2,
    ]);
    expect(carryParagraphMarks([p1, p2], ['Two strong!'])).toEqual([
      [{ text: 'Two ' }, { text: 'strong', marks: bold }, { text: '!' }],
    ]);
  });
});
