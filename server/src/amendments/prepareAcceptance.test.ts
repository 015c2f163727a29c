import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClauseContent, TextRunContent } from '@accord/shared';
import { prepareAcceptance } from './prepareAcceptance.js';
import { readClauseBlocks } from './clauseBlocks.js';
import { findClauseElement } from './findClauseElement.js';

type Child = string | { clause: string; id: string; children: Child[] };

/** A clause element: strings are paragraphs ("# text" a heading), objects clauses inside it. */
function element(type: string, id: string, children: Child[]): Y.XmlElement {
  const clause = new Y.XmlElement(type);
  clause.setAttribute('clauseId', id);
  clause.insert(
    0,
    children.map((child) => {
      if (typeof child !== 'string') return element(child.clause, child.id, child.children);
      const heading = child.startsWith('# ');
      const block = new Y.XmlElement(heading ? 'clauseHeading' : 'paragraph');
      block.insert(0, [new Y.XmlText(heading ? child.slice(2) : child)]);
      return block;
    }),
  );
  return clause;
}

function docWith(clause: Y.XmlElement): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => doc.getXmlFragment('default').insert(0, [clause]));
  return doc;
}

const content = (doc: Y.Doc, id: string) =>
  readClauseBlocks(findClauseElement(doc.getXmlFragment('default'), id)!).content;
const runs = (text: string): TextRunContent[] => (text ? [{ text }] : []);
const proposal = (heading: string | null, ...paragraphs: string[]): ClauseContent => ({
  heading: heading === null ? null : runs(heading),
  paragraphs: paragraphs.map(runs),
});
const shape = (doc: Y.Doc, id: string) =>
  findClauseElement(doc.getXmlFragment('default'), id)!
    .toArray()
    .map((child) => {
      const el = child as Y.XmlElement;
      if (el.getAttribute('clauseId')) return `<${el.nodeName}>`;
      const text = (el.get(0) as Y.XmlText | undefined)?.toDelta() as { insert: string }[] | undefined;
      return (el.nodeName === 'clauseHeading' ? '# ' : '') + (text ?? []).map((d) => d.insert).join('');
    });

function accept(doc: Y.Doc, id: string, next: ClauseContent, base = content(doc, id)) {
  const acceptance = prepareAcceptance(
    doc,
    { kind: 'replace', clauseId: id, position: null, clauseType: null, base },
    next,
  );
  doc.transact(() => acceptance.apply());
}

/** Replays a concurrent edit: `edit` runs on a replica, the acceptance on the original, then both merge. */
function concurrently(doc: Y.Doc, edit: (replica: Y.Doc) => void, change: () => void): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  edit(replica);
  change();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  expect(JSON.stringify(replica.getXmlFragment('default').toJSON())).toBe(
    JSON.stringify(doc.getXmlFragment('default').toJSON()),
  );
  return replica;
}

const nth = (doc: Y.Doc, id: string, n: number) =>
  (findClauseElement(doc.getXmlFragment('default'), id)!.get(n) as Y.XmlElement).get(0) as Y.XmlText;

describe('accepting a replacement that adds, removes, joins or splits paragraphs', () => {
  it('keeps an article’s sub-clauses where they are and the heading as the heading', () => {
    const doc = docWith(
      element('article', 'Art0000001', [
        '# Legal aid',
        'Intro text.',
        { clause: 'numberedParagraph', id: 'Num0000001', children: ['One.'] },
        'Closing text.',
      ]),
    );
    accept(
      doc,
      'Art0000001',
      proposal('Free legal aid', 'Intro text.', 'New words.', 'Closing text, edited.'),
    );
    expect(shape(doc, 'Art0000001')).toEqual([
      '# Free legal aid',
      'Intro text.',
      'New words.',
      '<numberedParagraph>',
      'Closing text, edited.',
    ]);
  });

  it('joins two paragraphs into the first, and splits one, keeping typing in the paragraph kept', () => {
    const doc = docWith(element('numberedParagraph', 'Num0000002', ['Alpha one.', 'Beta two.', 'Gamma.']));
    const replica = concurrently(
      doc,
      (r) => nth(r, 'Num0000002', 0).insert(0, 'So '),
      () => accept(doc, 'Num0000002', proposal(null, 'Alpha one. Beta two.', 'Gam', 'ma.')),
    );
    expect(shape(replica, 'Num0000002')).toEqual(['So Alpha one. Beta two.', 'Gam', 'ma.']);
  });

  it('rewrites the paragraphs when keeping them would break the clause (a point first)', () => {
    const doc = docWith(
      element('numberedParagraph', 'Num0000003', [
        'Lead-in:',
        { clause: 'point', id: 'Pnt0000001', children: ['a point'] },
        'Closing.',
      ]),
    );
    accept(doc, 'Num0000003', proposal(null, 'Closing.'));
    expect(shape(doc, 'Num0000003')).toEqual(['Closing.', '<point>']);
  });

  it('keeps an action’s fields merged, and typing in its kept paragraph', () => {
    const action = element('action', 'Act0000001', ['# Train paralegals', 'In every district.']);
    action.setAttribute('indicator', 'Trained');
    const doc = docWith(action);
    const base = content(doc, 'Act0000001');
    const next = {
      ...proposal('Train paralegals', 'In every district.', 'With a manual.'),
      fields: { ...base.fields!, indicator: '500 trained' },
    };
    const replica = concurrently(
      doc,
      (r) => nth(r, 'Act0000001', 1).insert('In every district'.length, ' and town'),
      () => accept(doc, 'Act0000001', next, base),
    );
    expect(shape(replica, 'Act0000001')).toEqual([
      '# Train paralegals',
      'In every district and town.',
      'With a manual.',
    ]);
    expect(
      findClauseElement(replica.getXmlFragment('default'), 'Act0000001')!.getAttribute('indicator'),
    ).toBe('500 trained');
  });

  it('formats words of the heading without touching its text', () => {
    const doc = docWith(element('article', 'Art0000002', ['# Legal aid', 'Text.']));
    const next: ClauseContent = {
      heading: [{ text: 'Legal ' }, { text: 'aid', marks: [{ type: 'italic' }] }],
      paragraphs: [runs('Text.')],
    };
    const replica = concurrently(
      doc,
      (r) => nth(r, 'Art0000002', 0).insert(0, 'Free '),
      () => accept(doc, 'Art0000002', next),
    );
    expect(nth(replica, 'Art0000002', 0).toDelta()).toEqual([
      { insert: 'Free Legal ' },
      { insert: 'aid', attributes: { italic: {} } },
    ]);
  });
});
