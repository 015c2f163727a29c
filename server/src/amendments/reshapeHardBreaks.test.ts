import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ClauseContent, TextRunContent } from '@accord/shared';
import { blockLines } from './blockLines.js';
import { readClauseBlocks } from './clauseBlocks.js';
import { findClauseElement } from './findClauseElement.js';
import { prepareAcceptance } from './prepareAcceptance.js';

/** A textblock from a string, "|" standing for a hard break. */
function block(name: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement(name);
  element.insert(
    0,
    text
      .split('|')
      .flatMap((part, i) => [
        ...(i > 0 ? [new Y.XmlElement('hardBreak')] : []),
        ...(part ? [new Y.XmlText(part)] : []),
      ]),
  );
  return element;
}

function docWith(type: string, id: string, paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  const clause = type === 'recital' ? block('recital', paragraphs[0]!) : new Y.XmlElement(type);
  clause.setAttribute('clauseId', id);
  if (type !== 'recital')
    clause.insert(
      0,
      paragraphs.map((p) => block('paragraph', p)),
    );
  doc.transact(() => doc.getXmlFragment('default').insert(0, [clause]));
  return doc;
}

const clauseOf = (doc: Y.Doc, id: string) => findClauseElement(doc.getXmlFragment('default'), id)!;

const plain = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[])
    .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');

/** A textblock written back as a string, "|" for a hard break. */
const written = (element: Y.XmlElement) =>
  element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? plain(child) : '|'))
    .join('');

const shape = (doc: Y.Doc, id: string) => {
  const clause = clauseOf(doc, id);
  return clause.nodeName === 'recital'
    ? [written(clause)]
    : clause.toArray().map((child) => written(child as Y.XmlElement));
};

/** The n-th text of the clause's textblock `p` (the recital itself when p is -1). */
const textAt = (doc: Y.Doc, id: string, p: number, n: number) => {
  const clause = clauseOf(doc, id);
  const element = p < 0 ? clause : (clause.get(p) as Y.XmlElement);
  return element.toArray().filter((c) => c instanceof Y.XmlText)[n] as Y.XmlText;
};

const runs = (text: string): TextRunContent[] => (text ? [{ text }] : []);
const proposal = (...paragraphs: string[]): ClauseContent => ({
  heading: null,
  paragraphs: paragraphs.map(runs),
});

/** Accepts on `doc` while `edit` types on a replica of it; both merged, the replica returned. */
function acceptWhileTyping(doc: Y.Doc, id: string, next: ClauseContent, edit: (r: Y.Doc) => void): Y.Doc {
  const base = readClauseBlocks(clauseOf(doc, id)).content;
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  edit(replica);
  const acceptance = prepareAcceptance(
    doc,
    { kind: 'replace', clauseId: id, position: null, clauseType: null, base },
    next,
  );
  doc.transact(() => acceptance.apply());
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  expect(replica.getXmlFragment('default').toJSON()).toBe(doc.getXmlFragment('default').toJSON());
  return replica;
}

/** The element, in a document (Yjs types are read once integrated). */
function integrated(element: Y.XmlElement): Y.XmlElement {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(0, [element]);
  return element;
}

describe('blockLines', () => {
  it('splits a textblock at its hard breaks, lines without text having none', () => {
    const lines = blockLines(integrated(block('paragraph', '|One.||Two.')))!;
    expect(lines.map((l) => (l.text ? plain(l.text) : null))).toEqual([null, 'One.', null, 'Two.']);
    expect(lines.map((l) => l.breakAfter?.nodeName ?? null)).toEqual([
      'hardBreak',
      'hardBreak',
      'hardBreak',
      null,
    ]);
    expect(blockLines(integrated(new Y.XmlElement('paragraph')))).toEqual([
      { block: expect.anything(), text: null, breakAfter: null },
    ]);
  });

  it('gives up on two texts in one line, or another inline node', () => {
    const two = new Y.XmlElement('paragraph');
    two.insert(0, [new Y.XmlText('a'), new Y.XmlText('b')]);
    expect(blockLines(integrated(two))).toBeUndefined();
    const image = new Y.XmlElement('paragraph');
    image.insert(0, [new Y.XmlText('a'), new Y.XmlElement('image')]);
    expect(blockLines(integrated(image))).toBeUndefined();
  });
});

describe('accepting a replacement in textblocks with hard breaks, during typing', () => {
  it('adds a line after a hard break, removes a paragraph, changes words, keeps the typing', () => {
    const doc = docWith('numberedParagraph', 'Num0000001', [
      'States shall act.|They report yearly.',
      'Gone.',
    ]);
    const replica = acceptWhileTyping(
      doc,
      'Num0000001',
      proposal('States shall act.', 'Legal aid is funded.', 'They report twice a year.'),
      (r) => textAt(r, 'Num0000001', 0, 0).insert('States shall act'.length, ' promptly'),
    );
    expect(shape(replica, 'Num0000001')).toEqual([
      'States shall act promptly.|Legal aid is funded.|They report twice a year.',
    ]);
  });

  it('removes a line and its hard break, keeping typing in the line after it', () => {
    const doc = docWith('numberedParagraph', 'Num0000002', ['One.|Two goes.|Three stays.']);
    const replica = acceptWhileTyping(doc, 'Num0000002', proposal('One.', 'Three stays.'), (r) =>
      textAt(r, 'Num0000002', 0, 2).insert(0, 'And '),
    );
    expect(shape(replica, 'Num0000002')).toEqual(['One.|And Three stays.']);
  });

  it('puts a new last line in a paragraph of its own, and writes into an empty line', () => {
    const doc = docWith('numberedParagraph', 'Num0000003', ['|Alpha.|Beta.']);
    const replica = acceptWhileTyping(
      doc,
      'Num0000003',
      proposal('Lead:', 'Alpha.', 'Beta.', 'Omega.'),
      (r) => textAt(r, 'Num0000003', 0, 1).insert(0, 'B '),
    );
    expect(shape(replica, 'Num0000003')).toEqual(['Lead:|Alpha.|B Beta.', 'Omega.']);
  });

  it('changes words on both sides of a hard break without touching it (no line added)', () => {
    const doc = docWith('numberedParagraph', 'Num0000004', ['Alpha one.|Beta two.']);
    const replica = acceptWhileTyping(doc, 'Num0000004', proposal('Alpha uno.', 'Beta dos.'), (r) => {
      textAt(r, 'Num0000004', 0, 0).insert(0, 'A ');
      textAt(r, 'Num0000004', 0, 1).insert(0, 'So ');
    });
    expect(shape(replica, 'Num0000004')).toEqual(['A Alpha uno.|So Beta dos.']);
  });

  it('adds a line to a recital with a hard break after it', () => {
    const doc = docWith('recital', 'Rec0000001', ['Recalling the Charter,|Noting the report,']);
    const replica = acceptWhileTyping(
      doc,
      'Rec0000001',
      proposal('Recalling the Charter,', 'Noting the report,', 'Affirming the goals,'),
      (r) => textAt(r, 'Rec0000001', -1, 0).insert('Recalling the'.length, ' UN'),
    );
    expect(shape(replica, 'Rec0000001')).toEqual([
      'Recalling the UN Charter,|Noting the report,|Affirming the goals,',
    ]);
  });
});
