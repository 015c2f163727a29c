import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderCanonical } from '../document/render/renderCanonical.js';
import { buildNodes as b } from '../document/templates/buildNodes.js';
import { templates } from '../document/templates/templates.js';
import { compareDocuments } from './compareDocuments.js';
import type { DocumentComparison } from './comparisonTypes.js';
import { diffToMarkedText } from './diffToMarkedText.js';

const render = (json: JSONContent) => renderCanonical(json, 'en');
const compare = (from: JSONContent, to: JSONContent, includeUnchanged = false) =>
  compareDocuments(render(from), render(to), { includeUnchanged });
const idOf = (node: JSONContent) => node.attrs!.clauseId as string;
/** entries as [clauseId, changes] for compact expectations */
const changesOf = (result: DocumentComparison) => result.entries.map((e) => [e.clauseId, e.changes]);
const zeroSummary = { added: 0, removed: 0, moved: 0, renumbered: 0, modified: 0, split: 0, merged: 0 };

/** A flat document of `n` articles, each with one paragraph of distinct text. */
function articles(n: number): JSONContent[] {
  return Array.from({ length: n }, (_, i) =>
    b.article(`Heading ${i + 1}`, [b.paragraph(`Text of article number ${i + 1}.`)]),
  );
}

describe('compareDocuments', () => {
  it('finds nothing between identical documents', () => {
    const json = templates.agreement.build({ language: 'en' });
    const result = compare(json, structuredClone(json));
    expect(result.summary).toEqual({ ...zeroSummary, unchanged: render(json).clauses.length });
    expect(result.hasChanges).toBe(false);
    expect(result.entries).toEqual([]);
    expect(result.title).toBeNull();
    expect(result.freeText).toEqual([]);
  });

  it('handles empty documents, and a document filled from empty', () => {
    const empty = b.doc('', []);
    expect(compare(empty, structuredClone(empty))).toEqual({
      summary: { ...zeroSummary, unchanged: 0 },
      hasChanges: false,
      title: null,
      entries: [],
      freeText: [],
    });
    const blank = templates.blank.build({ language: 'en' });
    expect(compare(blank, structuredClone(blank)).hasChanges).toBe(false);

    const full = templates.agreement.build({ language: 'en' });
    const filled = compare(empty, full);
    const count = render(full).clauses.length;
    expect(filled.summary).toEqual({ ...zeroSummary, added: count, unchanged: 0 });
    expect(filled.entries.map((e) => e.clauseId)).toEqual(render(full).clauses.map((c) => c.clauseId));
    expect(filled.title).toEqual([{ value: 'Agreement on …', added: true }]);
    expect(filled.freeText.map((f) => [f.change, f.area])).toEqual([
      ['added', 'preamble'],
      ['added', 'preamble'],
      ['added', 'body'],
    ]);

    const emptied = compare(full, empty);
    expect(emptied.summary).toEqual({ ...zeroSummary, removed: count, unchanged: 0 });
    expect(emptied.entries.map((e) => e.clauseId)).toEqual(render(full).clauses.map((c) => c.clauseId));
    expect(emptied.entries[3]).toMatchObject({
      kind: 'article',
      changes: ['removed'],
      oldNumber: '1',
      newNumber: null,
      oldLabel: 'Article 1',
      newLabel: null,
      oldPath: '1',
      newPath: null,
      heading: [{ value: 'Purpose', removed: true }],
      text: [{ value: 'The purpose of this Agreement is to …', removed: true }],
    });
  });

  it('reports one article moved far up as moved, and the articles it jumped over as renumbered only', () => {
    const body = articles(30);
    const from = b.doc('Moves', body);
    const moved = body[24]!;
    const to = b.doc('Moves', [body[0]!, moved, ...body.slice(1, 24), ...body.slice(25)]);
    const result = compare(from, to);
    expect(result.summary).toEqual({ ...zeroSummary, moved: 1, renumbered: 23, unchanged: 6 });
    const entry = result.entries.find((e) => e.clauseId === idOf(moved))!;
    expect(entry).toMatchObject({
      changes: ['moved'],
      oldNumber: '25',
      newNumber: '2',
      oldLabel: 'Article 25',
      newLabel: 'Article 2',
      heading: null,
      text: null,
    });
    expect(result.entries.filter((e) => e !== entry).every((e) => e.changes.join() === 'renumbered')).toBe(
      true,
    );
    // reading order of `to`
    expect(result.entries.map((e) => e.newNumber)).toEqual(
      Array.from({ length: 24 }, (_, i) => String(i + 2)),
    );

    const down = compare(from, b.doc('Moves', [...body.slice(0, 2), ...body.slice(3), body[2]!]));
    expect(down.summary).toMatchObject({ moved: 1, renumbered: 27 });
    expect(down.entries.find((e) => e.changes.includes('moved'))!.clauseId).toBe(idOf(body[2]!));
  });

  it('reports an article inserted at the start as added, every other one as renumbered only', () => {
    const body = articles(5);
    const inserted = b.article('New', [b.paragraph('A new first article.')]);
    const result = compare(b.doc('t', body), b.doc('t', [inserted, ...body]));
    expect(result.summary).toEqual({ ...zeroSummary, added: 1, renumbered: 5, unchanged: 0 });
    expect(changesOf(result)).toEqual([
      [idOf(inserted), ['added']],
      ...body.map((a) => [idOf(a), ['renumbered']]),
    ]);
    expect(result.entries[1]).toMatchObject({ oldNumber: '1', newNumber: '2', text: null, heading: null });
  });

  it('does not report the articles of a moved chapter as moved; they are renumbered', () => {
    const chapters = [0, 1, 2].map((c) =>
      b.chapter(
        `Chapter ${c}`,
        [0, 1].map((a) => b.article(`A${c}${a}`, [b.paragraph(`Text ${c}.${a}`)])),
      ),
    );
    const from = b.doc('t', chapters);
    const to = b.doc('t', [chapters[2]!, chapters[0]!, chapters[1]!]);
    const result = compare(from, to, true);
    const byId = new Map(result.entries.map((e) => [e.clauseId, e]));
    expect(byId.get(idOf(chapters[2]!))).toMatchObject({
      changes: ['moved'],
      oldNumber: 'III',
      newNumber: 'I',
    });
    expect(byId.get(idOf(chapters[0]!))!.changes).toEqual(['renumbered']);
    expect(byId.get(idOf(chapters[1]!))!.changes).toEqual(['renumbered']);
    for (const chapter of chapters) {
      for (const article of chapter.content!.slice(1)) {
        expect(byId.get(idOf(article))!.changes).toEqual(['renumbered']);
      }
    }
    expect(result.summary).toEqual({ ...zeroSummary, moved: 1, renumbered: 8, unchanged: 0 });

    // an article taken into another chapter did change parent: moved, even where its number stays
    const article = chapters[0]!.content![2]!;
    const moveInto = structuredClone(from);
    moveInto.content![1]!.content!.splice(2, 1);
    moveInto.content![2]!.content!.splice(1, 0, structuredClone(article));
    const into = compare(from, moveInto);
    expect(changesOf(into)).toEqual([[idOf(article), ['moved']]]);
    expect(into.entries[0]).toMatchObject({
      oldNumber: '2',
      newNumber: '2',
      oldParentId: idOf(chapters[0]!),
      newParentId: idOf(chapters[1]!),
    });
  });

  it('reports a heading-only change with a heading diff and no text diff', () => {
    const body = articles(3);
    const from = b.doc('t', body);
    const to = structuredClone(from);
    to.content![2]!.content![0]!.content = b.text('Heading two, amended');
    const result = compare(from, to);
    expect(result.entries).toEqual([
      expect.objectContaining({
        clauseId: idOf(body[1]!),
        changes: ['modified'],
        oldNumber: '2',
        newNumber: '2',
        heading: [
          { value: 'Heading ' },
          { value: '2', removed: true },
          { value: 'two, amended', added: true },
        ],
        text: null,
        fields: null,
      }),
    ]);
  });

  it('reports action fields field by field', () => {
    const from = templates.action_plan.build({ language: 'en' });
    const to = structuredClone(from);
    const action = to.content![2]!.content![2]!; // objective 1, second action
    Object.assign(action.attrs!, { status: 'in_progress', partners: ['Org B'], endDate: '2027-01-31' });
    const result = compare(from, to);
    expect(result.entries).toEqual([
      expect.objectContaining({
        clauseId: idOf(action),
        kind: 'action',
        changes: ['modified'],
        newNumber: '1.2',
        heading: null,
        text: null,
        fields: [
          { field: 'partners', from: [], to: ['Org B'] },
          { field: 'endDate', from: null, to: '2027-01-31' },
          { field: 'status', from: 'planned', to: 'in_progress' },
        ],
      }),
    ]);

    // a new action lists all its fields; an objective inserted first renumbers the actions
    const objective = b.objective('First', [b.action('Train paralegals', { leadOrganisations: ['Org A'] })]);
    const grown = structuredClone(from);
    grown.content!.splice(2, 0, objective);
    const second = compare(from, grown);
    expect(second.summary).toMatchObject({ added: 2, renumbered: 5, modified: 0 });
    expect(second.entries[1]!.fields).toEqual([
      { field: 'leadOrganisations', from: null, to: ['Org A'] },
      { field: 'partners', from: null, to: [] },
      { field: 'startDate', from: null, to: null },
      { field: 'endDate', from: null, to: null },
      { field: 'indicator', from: null, to: '' },
      { field: 'status', from: null, to: 'planned' },
    ]);
    expect(second.entries[3]).toMatchObject({ changes: ['renumbered'], oldNumber: '1.1', newNumber: '2.1' });
  });

  it('reports text deleted and re-added under a new id as removed + added, not modified', () => {
    const paragraph = b.numberedParagraph('Each Party shall publish an annual report on access to justice.');
    const other = b.numberedParagraph('Each Party shall designate a focal point.');
    const from = b.doc('t', [b.article('Reports', [paragraph, other])]);
    const readded = b.numberedParagraph('Each Party shall publish an annual report on access to justice.');
    const to = b.doc('t', [b.article('Reports', [other, readded])]);
    to.content![1]!.attrs!.clauseId = from.content![1]!.attrs!.clauseId;
    const result = compare(from, to);
    expect(result.summary).toEqual({ ...zeroSummary, added: 1, removed: 1, renumbered: 1, unchanged: 1 });
    expect(changesOf(result)).toEqual([
      // removed first: its previous surviving sibling is none, so it comes first under its article
      [idOf(paragraph), ['removed']],
      [idOf(other), ['renumbered']],
      [idOf(readded), ['added']],
    ]);
    expect(result.entries[0]).toMatchObject({ splitInto: [], mergedInto: null });
    expect(result.entries[2]).toMatchObject({ splitFrom: null });
  });

  it('places a removed clause after its previous surviving sibling, with its removed children', () => {
    const body = [
      b.article('One', [b.numberedParagraph('1.1'), b.numberedParagraph('1.2')]),
      b.article('Two', [b.numberedParagraph('2.1'), b.numberedParagraph('2.2')]),
      b.article('Three', [b.numberedParagraph('3.1')]),
    ];
    const from = b.doc('t', body);
    const to = structuredClone(from);
    to.content!.splice(2, 1); // article Two
    to.content![1]!.content!.splice(2, 1); // paragraph 1.2
    const result = compare(from, to, true);
    const names = new Map(
      render(from).clauses.map((c) => [c.clauseId, c.heading ?? c.text] as [string | null, string]),
    );
    expect(result.entries.map((e) => [names.get(e.clauseId), e.changes.join('+') || 'unchanged'])).toEqual([
      ['One', 'unchanged'],
      ['1.1', 'unchanged'],
      ['1.2', 'removed'],
      ['Two', 'removed'],
      ['2.1', 'removed'],
      ['2.2', 'removed'],
      ['Three', 'renumbered'],
      ['3.1', 'unchanged'],
    ]);
    expect(result.summary).toEqual({ ...zeroSummary, removed: 4, renumbered: 1, unchanged: 3 });
  });

  it('reports a clause that moved and changed as moved + modified, with its word diff', () => {
    const body = articles(4);
    const from = b.doc('t', body);
    const changed = structuredClone(body[3]!);
    changed.content![1] = b.paragraph('Text of the fourth article.');
    const result = compare(from, b.doc('t', [changed, ...body.slice(0, 3)]));
    expect(result.entries[0]).toMatchObject({
      clauseId: idOf(changed),
      changes: ['moved', 'modified'],
      oldNumber: '4',
      newNumber: '1',
      text: [
        { value: 'Text of ' },
        { value: 'article', removed: true },
        { value: 'the', added: true },
        { value: ' ' },
        { value: 'number', removed: true },
        { value: 'fourth', added: true },
        { value: ' ' },
        { value: '4', removed: true },
        { value: 'article', added: true },
        { value: '.' },
      ],
    });
    expect(diffToMarkedText(result.entries[0]!.text!)).toBe(
      'Text of [-article-][+the+] [-number-][+fourth+] [-4-][+article+].',
    );
    expect(result.summary).toMatchObject({ moved: 1, modified: 1, renumbered: 3 });
  });

  it('reports a demoted paragraph (now a point, same id) as moved with its new kind and label', () => {
    const p1 = b.numberedParagraph('For the purposes of this Agreement:');
    const p2 = b.numberedParagraph('“paralegal” means a person trained to assist with legal matters;');
    const from = b.doc('t', [b.article('Definitions', [p1, p2])]);
    const to = structuredClone(from);
    const article = to.content![1]!;
    const demoted = { ...article.content![2]!, type: 'point' };
    article.content!.splice(2, 1);
    article.content![1]!.content!.push(demoted);
    const result = compare(from, to);
    expect(result.entries).toEqual([
      expect.objectContaining({
        clauseId: idOf(p2),
        kind: 'point',
        changes: ['moved'],
        oldLabel: '2.',
        newLabel: 'a)',
        oldPath: '1.2',
        newPath: '1.1.a',
        oldParentId: idOf(from.content![1]!),
        newParentId: idOf(p1),
        text: null,
      }),
    ]);
  });

  it('compares the title and the free text outside clauses', () => {
    const from = templates.agreement.build({ language: 'en' });
    const to = structuredClone(from);
    to.content![0]!.content = b.text('Agreement on access to justice');
    const preamble = to.content![1]!;
    preamble.content!.splice(3, 0, b.paragraph('Noting the work of the paralegals,'));
    const last = to.content!.length - 1;
    to.content![last] = b.paragraph('Done at Lima, on 4 March 2026');
    const result = compare(from, to);
    expect(result.entries).toEqual([]);
    expect(result.hasChanges).toBe(true);
    expect(result.title).toEqual([
      { value: 'Agreement on ' },
      { value: '…', removed: true },
      { value: 'access to justice', added: true },
    ]);
    expect(result.freeText).toEqual([
      {
        change: 'added',
        area: 'preamble',
        parentId: null,
        oldPath: null,
        newPath: [1, 3],
        text: [{ value: 'Noting the work of the paralegals,', added: true }],
      },
      {
        change: 'modified',
        area: 'body',
        parentId: null,
        oldPath: [last],
        newPath: [last],
        text: [
          { value: 'Done at ' },
          { value: '…', removed: true },
          { value: 'Lima', added: true },
          { value: ', on ' },
          { value: '…', removed: true },
          { value: '4 March 2026', added: true },
        ],
      },
    ]);
    expect(diffToMarkedText(result.freeText[1]!.text)).toBe(
      'Done at [-…-][+Lima+], on [-…-][+4 March 2026+]',
    );
  });

  it('treats clauses without a valid id as removed and added, and matches only the first of duplicates', () => {
    const body = articles(2);
    const from = b.doc('t', body);
    const to = structuredClone(from);
    to.content![1]!.attrs!.clauseId = 'not an id';
    const copy = structuredClone(to.content![2]!);
    to.content!.push(copy);
    const result = compare(from, to);
    expect(result.entries.map((e) => [e.clauseId, e.changes, e.newNumber])).toEqual([
      [idOf(body[0]!), ['removed'], null],
      [null, ['added'], '1'],
      [idOf(body[1]!), ['added'], '3'],
    ]);
  });
});
