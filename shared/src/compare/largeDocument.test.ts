import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderCanonical } from '../document/render/renderCanonical.js';
import { buildNodes as b } from '../document/templates/buildNodes.js';
import { compareDocuments } from './compareDocuments.js';

/** Deterministic pseudo-legal text: the same seed gives the same words on every run. */
function textMaker(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const syllables = ['ra', 'to', 'mi', 'sen', 'cor', 'da', 'li', 'vo', 'pre', 'gan', 'tu', 'lex'];
  const vocabulary = Array.from(
    { length: 400 },
    (_, i) => `${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${i % 7 ? '' : 'tion'}`,
  );
  return (words: number) =>
    `Each Party shall ${Array.from({ length: words }, () => vocabulary[Math.floor(next() * 400)]).join(' ')}.`;
}

/** 10 chapters × 20 articles, each with a heading and two numbered paragraphs (610 clauses). */
function largeAgreement() {
  const text = textMaker(42);
  const chapters = Array.from({ length: 10 }, (_, c) =>
    b.chapter(
      `Chapter heading ${c + 1}`,
      Array.from({ length: 20 }, (_, a) =>
        b.article(`Article heading ${c * 20 + a + 1}`, [
          b.numberedParagraph(text(24)),
          b.numberedParagraph(text(24)),
        ]),
      ),
    ),
  );
  return b.doc('Agreement', [
    b.preamble([b.paragraph('The Parties,'), b.recital('Recalling …')]),
    ...chapters,
  ]);
}

/** 10 % of the 200 articles touched, in every way the comparison knows. */
function amend(from: JSONContent): JSONContent {
  const to = structuredClone(from);
  const chapters = to.content!.slice(2);
  // article n (1-based, as in `from`), found by id so earlier edits do not shift it
  const ids = chapters.flatMap((c) => c.content!.slice(1).map((a) => a.attrs!.clauseId as string));
  const locate = (n: number) => {
    for (const chapter of chapters) {
      const index = chapter.content!.findIndex((a) => a.attrs?.clauseId === ids[n - 1]);
      if (index >= 0) return { chapter, index, article: chapter.content![index]! };
    }
    throw new Error(`article ${n}`);
  };
  const paragraphText = (p: JSONContent) => p.content![0]!.content![0]!.text!;
  const setText = (p: JSONContent, value: string) => (p.content![0]!.content = b.text(value));

  for (const n of [5, 45, 65, 85, 125, 135, 165, 185]) {
    const p = locate(n).article.content![1]!;
    setText(p, paragraphText(p).replace('Each Party shall', 'Each Party may'));
  }
  for (const n of [2, 40, 60, 120]) locate(n).article.content![0]!.content = b.text(`Amended heading ${n}`);

  // split: paragraph 2 of article 70 becomes two paragraphs
  const split = locate(70).article;
  const words = paragraphText(split.content![2]!).split(' ');
  setText(split.content![2]!, words.slice(0, 12).join(' '));
  split.content!.push(b.numberedParagraph(words.slice(12).join(' ')));
  // merge: paragraph 2 of article 110 joined into paragraph 1
  const merged = locate(110).article;
  setText(merged.content![1]!, `${paragraphText(merged.content![1]!)} ${paragraphText(merged.content![2]!)}`);
  merged.content!.splice(2, 1);

  const removed = locate(11);
  removed.chapter.content!.splice(removed.index, 1);
  const after30 = locate(30);
  const newText = textMaker(7);
  after30.chapter.content!.splice(
    after30.index + 1,
    0,
    b.article('A new article', [b.numberedParagraph(newText(20)), b.numberedParagraph(newText(20))]),
  );
  // article 100 moved up within its chapter, to before article 91
  const up = locate(100);
  up.chapter.content!.splice(up.index, 1);
  const at91 = locate(91);
  at91.chapter.content!.splice(at91.index, 0, up.article);
  // article 150 moved to the end of the last chapter
  const away = locate(150);
  away.chapter.content!.splice(away.index, 1);
  chapters[9]!.content!.push(away.article);
  return to;
}

describe('compareDocuments on a 200-article agreement with 10 % of its articles changed', () => {
  it('counts every change exactly', () => {
    const fromJson = largeAgreement();
    const from = renderCanonical(fromJson, 'en');
    const to = renderCanonical(amend(fromJson), 'en');
    expect(from.clauses).toHaveLength(611);
    const result = compareDocuments(from, to, { includeUnchanged: true });
    expect(result.summary).toEqual({
      added: 4, // the new article and its two paragraphs, the second half of a split paragraph
      removed: 4, // article 11 and its two paragraphs, the paragraph merged into another
      moved: 2, // articles 100 and 150
      renumbered: 78, // articles 12–30 (19), 91–99 (9), 151–200 (50)
      modified: 14, // 8 paragraphs, 4 headings, the split paragraph, the merged one
      split: 1,
      merged: 1,
      unchanged: 513,
    });
    expect(result.entries).toHaveLength(615);
    expect(result.title).toBeNull();
    expect(result.freeText).toEqual([]);
    const movedNumbers = result.entries
      .filter((e) => e.changes.includes('moved'))
      .map((e) => [e.oldNumber, e.newNumber, e.changes]);
    expect(movedNumbers).toEqual([
      ['100', '91', ['moved']],
      ['150', '200', ['moved']],
    ]);
    // reading order of `to`, with the removed article where it was (after article 10)
    const newArticleNumbers = result.entries.filter((e) => e.kind === 'article').map((e) => e.newNumber);
    expect(newArticleNumbers).toEqual([
      ...Array.from({ length: 10 }, (_, i) => String(i + 1)),
      null,
      ...Array.from({ length: 190 }, (_, i) => String(i + 11)),
    ]);
    // later runs over the same input give the same result (no hidden state)
    expect(compareDocuments(from, to, { includeUnchanged: true })).toEqual(result);
  });
});
