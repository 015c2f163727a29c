import { describe, expect, it } from 'vitest';
import { buildNodes as b } from './templates/buildNodes.js';
import { computeNumbering } from './numbering/computeNumbering.js';
import { toLetters } from './numbering/toLetters.js';
import { toRoman } from './numbering/toRoman.js';
import type { JSONContent } from '@tiptap/core';

// Chapter I: art 1 (2 paragraphs; the 2nd with points a, b; b with sub-points i, ii), art 2;
// Chapter II: art 3 (intro + points directly in the article); a top-level article 4; annex.
function nestedDoc() {
  const subI = b.point('sub one');
  const subII = b.point('sub two');
  const pointA = b.point('point a');
  const pointB = b.point('point b', [subI, subII]);
  const p1 = b.numberedParagraph('first');
  const p2 = b.numberedParagraph('second', [pointA, pointB]);
  const art1 = b.article('Purpose', [p1, p2]);
  const art2 = b.article(null, [b.paragraph('only text')]);
  const defA = b.point('def a');
  const art3 = b.article('Definitions', [b.paragraph('For the purposes:'), defA]);
  const art4 = b.article('Loose', [b.paragraph('x')]);
  const ch1 = b.chapter('General', [art1, art2]);
  const ch2 = b.chapter('Specific', [art3]);
  const recital = b.recital('Recognizing');
  const annexPara = b.numberedParagraph('annex text', [b.point('annex point')]);
  const annex = b.annex('Rules', [annexPara]);
  const doc = b.doc('T', [b.preamble([recital]), ch1, ch2, art4, annex]);
  const id = (n: JSONContent) => n.attrs!.clauseId as string;
  return {
    doc,
    id,
    recital,
    ch1,
    ch2,
    art1,
    art2,
    art3,
    art4,
    p1,
    p2,
    pointA,
    pointB,
    subI,
    subII,
    defA,
    annex,
    annexPara,
  };
}

describe('computeNumbering', () => {
  it('numbers chapters in roman numerals and articles across chapters', () => {
    const t = nestedDoc();
    const n = computeNumbering(t.doc, 'en');
    expect(n.get(t.id(t.ch1))).toMatchObject({
      kind: 'chapter',
      number: 'I',
      label: 'Chapter I',
      path: 'chapter.I',
      depth: 0,
    });
    expect(n.get(t.id(t.ch2))).toMatchObject({ number: 'II', label: 'Chapter II' });
    expect(n.get(t.id(t.art1))).toMatchObject({
      kind: 'article',
      number: '1',
      label: 'Article 1',
      path: '1',
      depth: 1,
      parentId: t.id(t.ch1),
    });
    expect(n.get(t.id(t.art2))).toMatchObject({ number: '2', label: 'Article 2' });
    expect(n.get(t.id(t.art3))).toMatchObject({ number: '3', parentId: t.id(t.ch2) });
    expect(n.get(t.id(t.art4))).toMatchObject({ number: '4', depth: 0, parentId: null });
  });

  it('numbers paragraphs, points and sub-points with paths', () => {
    const t = nestedDoc();
    const n = computeNumbering(t.doc, 'en');
    expect(n.get(t.id(t.p1))).toMatchObject({ kind: 'paragraph', number: '1', label: '1.', path: '1.1' });
    expect(n.get(t.id(t.p2))).toMatchObject({
      number: '2',
      label: '2.',
      path: '1.2',
      parentId: t.id(t.art1),
      depth: 2,
    });
    expect(n.get(t.id(t.pointA))).toMatchObject({ kind: 'point', number: 'a', label: 'a)', path: '1.2.a' });
    expect(n.get(t.id(t.pointB))).toMatchObject({ number: 'b', path: '1.2.b', depth: 3 });
    expect(n.get(t.id(t.subI))).toMatchObject({
      number: 'i',
      label: 'i)',
      path: '1.2.b.i',
      parentId: t.id(t.pointB),
      depth: 4,
    });
    expect(n.get(t.id(t.subII))).toMatchObject({ number: 'ii', path: '1.2.b.ii' });
    expect(n.get(t.id(t.defA))).toMatchObject({ number: 'a', path: '3.a' });
    expect(n.get(t.id(t.annex))).toMatchObject({
      kind: 'annex',
      number: 'I',
      label: 'Annex I',
      path: 'annex.I',
    });
    expect(n.get(t.id(t.annexPara))).toMatchObject({ number: '1', path: 'annex.I.1' });
    expect(n.get(t.id(t.recital))).toMatchObject({ kind: 'recital', number: '1', path: 'recital.1' });
  });

  it.each([
    ['en', 'Chapter I', 'Article 1', 'Article 2', 'Annex I'],
    ['es', 'Capítulo I', 'Artículo 1', 'Artículo 2', 'Anexo I'],
    ['pt', 'Capítulo I', 'Artigo 1', 'Artigo 2', 'Anexo I'],
    ['fr', 'Chapitre premier', 'Article premier', 'Article 2', 'Annexe I'],
  ] as const)('labels in %s', (language, chapter, first, second, annex) => {
    const t = nestedDoc();
    const n = computeNumbering(t.doc, language);
    expect(n.get(t.id(t.ch1))!.label).toBe(chapter);
    expect(n.get(t.id(t.ch2))!.label).toMatch(/ II$/);
    expect(n.get(t.id(t.art1))!.label).toBe(first);
    expect(n.get(t.id(t.art2))!.label).toBe(second);
    expect(n.get(t.id(t.art1))!.number).toBe('1');
    expect(n.get(t.id(t.annex))!.label).toBe(annex);
    // paragraphs and points are language independent
    expect(n.get(t.id(t.p2))!.label).toBe('2.');
    expect(n.get(t.id(t.pointB))!.label).toBe('b)');
    expect(n.get(t.id(t.subII))!.label).toBe('ii)');
  });

  it('numbers objectives and their actions', () => {
    const a1 = b.action('a1');
    const a2 = b.action('a2');
    const a3 = b.action('a3');
    const o1 = b.objective('o1', [a1, a2]);
    const o2 = b.objective('o2', [a3]);
    const n = computeNumbering(b.doc('plan', [o1, o2]), 'es');
    expect(n.get(o2.attrs!.clauseId)).toMatchObject({ label: 'Objetivo 2', path: 'objective.2' });
    expect(n.get(a2.attrs!.clauseId)).toMatchObject({
      number: '1.2',
      label: 'Acción 1.2',
      path: 'objective.1.2',
    });
    expect(n.get(a3.attrs!.clauseId)).toMatchObject({ number: '2.1', label: 'Acción 2.1' });
  });

  it('counts a clause without an id, so the others keep their numbers', () => {
    const a = b.article('a', [b.paragraph('x')]);
    const missing = b.article('b', [b.paragraph('y')]);
    delete missing.attrs!.clauseId;
    const c = b.article('c', [b.paragraph('z')]);
    const n = computeNumbering(b.doc('t', [a, missing, c]), 'en');
    expect(n.size).toBe(2);
    expect(n.get(c.attrs!.clauseId)!.number).toBe('3');
  });

  it('continues letters after z and writes roman numerals', () => {
    expect([1, 26, 27, 28, 52, 53].map(toLetters)).toEqual(['a', 'z', 'aa', 'ab', 'az', 'ba']);
    expect([1, 4, 9, 14, 40, 1999].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
  });
});
