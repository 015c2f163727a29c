import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AnchorResolver } from './AnchorResolver.js';
import { createRangeAnchor } from './createRangeAnchor.js';
import { storedAnchorOf, type StoredAnchor } from './anchorTypes.js';
import type { AnchorInput } from '../schemas/comments.js';

/** An article as the editor stores it: heading + one numbered paragraph holding the text. */
function article(clauseId: string, heading: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement('article');
  el.setAttribute('clauseId', clauseId);
  const h = new Y.XmlElement('clauseHeading');
  h.insert(0, [new Y.XmlText(heading)]);
  const p = new Y.XmlElement('numberedParagraph');
  p.setAttribute('clauseId', `${clauseId}P1`);
  const body = new Y.XmlElement('paragraph');
  body.insert(0, [new Y.XmlText(text)]);
  p.insert(0, [body]);
  el.insert(0, [h, p]);
  return el;
}

function docWith(...articles: Array<[string, string, string]>): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('default').insert(
    0,
    articles.map(([id, h, t]) => article(id, h, t)),
  );
  return doc;
}

function articleEl(doc: Y.Doc, clauseId: string): Y.XmlElement {
  return doc
    .getXmlFragment('default')
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('clauseId') === clauseId)!;
}

/** The XmlText of the article's numbered paragraph. */
function bodyText(doc: Y.Doc, clauseId: string): Y.XmlText {
  const p = articleEl(doc, clauseId).get(1) as Y.XmlElement;
  return (p.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function store(doc: Y.Doc, input: AnchorInput): StoredAnchor {
  const resolver = new AnchorResolver(doc);
  return {
    kind: input.kind,
    clauseId: input.clauseId,
    start: input.kind === 'range' ? input.start : null,
    end: input.kind === 'range' ? input.end : null,
    follow: input.kind === 'range' ? (input.follow ?? null) : null,
    quote: input.kind === 'range' ? input.quote : null,
    clause: resolver.snapshot(input.clauseId)!,
    versionNumber: null,
  };
}

const A = 'AAAAAAAAAA01';
const B = 'BBBBBBBBBB02';
const C = 'CCCCCCCCCC03';

function rangeOn(doc: Y.Doc, clauseId: string, phrase: string): StoredAnchor {
  const text = bodyText(doc, clauseId);
  const from = text.toString().indexOf(phrase);
  return store(doc, createRangeAnchor(doc, { text, index: from }, { text, index: from + phrase.length }));
}
const at = (text: Y.XmlText, phrase: string) => text.toString().indexOf(phrase);

/**
 * Types `typed` over `selected` one key at a time, as the editor's Yjs binding writes it: each
 * keystroke's new text is diffed with the old (common prefix and suffix kept), so a typed letter
 * equal to the one after the caret takes that letter's place in the diff.
 */
function typeOver(text: Y.XmlText, selected: string, typed: string, from = at(text, selected)) {
  const write = (next: string) => {
    const old = text.toString();
    let prefix = 0;
    while (prefix < Math.min(old.length, next.length) && old[prefix] === next[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < Math.min(old.length, next.length) - prefix &&
      old[old.length - 1 - suffix] === next[next.length - 1 - suffix]
    )
      suffix++;
    text.delete(prefix, old.length - prefix - suffix);
    text.insert(prefix, next.slice(prefix, next.length - suffix));
  };
  const before = text.toString().slice(0, from);
  const after = text.toString().slice(from + selected.length);
  for (let n = 1; n <= typed.length; n++) write(before + typed.slice(0, n) + after);
}

describe('AnchorResolver', () => {
  it('quotes the selected text and starts attached', () => {
    const doc = docWith([A, 'Scope', 'States shall guarantee access to justice.']);
    const anchor = rangeOn(doc, A, 'access to justice');
    expect(anchor.quote).toBe('access to justice');
    expect(anchor.clauseId).toBe(`${A}P1`);
    expect(anchor.clause).toMatchObject({ kind: 'paragraph', label: '1.', path: '1.1', parentId: A });
    const r = new AnchorResolver(doc).resolve(anchor);
    expect(r).toMatchObject({ state: 'attached', moved: false, currentQuote: 'access to justice' });
  });

  it('stays attached through edits before, after and right at the boundaries', () => {
    const doc = docWith([A, 'Scope', 'States shall guarantee access to justice.']);
    const anchor = rangeOn(doc, A, 'access to justice');
    const text = bodyText(doc, A);
    text.insert(0, 'All ');
    text.insert(text.length, ' Always.');
    text.insert(at(text, 'access'), 'free '); // right before the range
    text.insert(at(text, '. Always'), ' for all'); // right after it
    const r = new AnchorResolver(doc).resolve(anchor);
    expect(r.state).toBe('attached');
    expect(r.currentQuote).toBe('access to justice');
  });

  it('becomes edited when text inside the range changes, detached when it is deleted', () => {
    const doc = docWith([A, 'Scope', 'States shall guarantee access to justice.']);
    const anchor = rangeOn(doc, A, 'access to justice');
    const text = bodyText(doc, A);
    text.insert(at(text, 'justice'), 'fair '); // "access to fair justice"
    let r = new AnchorResolver(doc).resolve(anchor);
    expect(r).toMatchObject({
      state: 'edited',
      quote: 'access to justice',
      currentQuote: 'access to fair justice',
    });
    text.delete(at(text, 'guarantee'), 'guarantee access to fair justice'.length); // the whole range and more
    r = new AnchorResolver(doc).resolve(anchor);
    expect(r).toMatchObject({ state: 'detached', currentQuote: '', currentClauseId: `${A}P1` });
  });

  it('covers the new words when the whole quote is typed over (issue 12, bug 7)', () => {
    const doc = docWith([A, 'Aid', 'Everyone has the right to free legal aid in every dispute.']);
    const anchor = rangeOn(doc, A, 'free legal aid');
    expect(anchor.follow).toBe(' in every dispute.');
    const text = bodyText(doc, A);
    typeOver(text, 'free legal aid', 'free and quality legal aid');
    expect(text.toString()).toBe('Everyone has the right to free and quality legal aid in every dispute.');
    const r = new AnchorResolver(doc).resolve(anchor);
    expect(r).toMatchObject({ state: 'edited', currentQuote: 'free and quality legal aid' });
    // an anchor without the text that followed shrinks to what the binding kept (the bug)
    expect(new AnchorResolver(doc).resolve({ ...anchor, follow: null }).currentQuote).toBe('f');
    // resolved again from the range it reports (as the browser does), after typing around it
    text.insert(at(text, ' in every'), ' now');
    text.insert(at(text, 'free and'), 'truly ');
    const again = new AnchorResolver(doc).resolve({ ...storedAnchorOf(r), start: r.start, end: r.end });
    expect(again).toMatchObject({ state: 'edited', currentQuote: 'free and quality legal aid' });
  });

  it('covers a replacement that shares nothing with the quote; deleted without one, it detaches', () => {
    const doc = docWith([A, 'Aid', 'Everyone has the right to free legal aid']);
    const anchor = rangeOn(doc, A, 'free legal aid');
    expect(anchor.follow).toBe('');
    const text = bodyText(doc, A);
    const from = at(text, 'free legal aid');
    text.delete(from, 'free legal aid'.length);
    expect(new AnchorResolver(doc).resolve(anchor)).toMatchObject({ state: 'detached', currentQuote: '' });
    typeOver(text, '', 'gratuitous counsel', from);
    expect(new AnchorResolver(doc).resolve(anchor)).toMatchObject({
      state: 'edited',
      currentQuote: 'gratuitous counsel',
    });
  });

  it('becomes edited when an edit cuts across one end of the range', () => {
    const doc = docWith([A, 'Scope', 'States shall guarantee access to justice.']);
    const anchor = rangeOn(doc, A, 'access to justice');
    bodyText(doc, A).delete(at(bodyText(doc, A), 'guarantee'), 'guarantee acc'.length); // across the start
    const r = new AnchorResolver(doc).resolve(anchor);
    expect(r).toMatchObject({ state: 'edited', currentQuote: 'ess to justice' });
  });

  it('becomes moved when the article is recreated before another (as ProseMirror moves it)', () => {
    const doc = docWith([A, 'One', 'First text here.'], [B, 'Two', 'Second text here.']);
    const anchor = rangeOn(doc, B, 'text');
    expect(anchor.quote).toBe('text');
    const clauseAnchor = store(doc, { kind: 'clause', clauseId: B });
    const fragment = doc.getXmlFragment('default');
    // ProseMirror moves are delete + insert: the moved article is a new Yjs element
    fragment.delete(1, 1);
    fragment.insert(0, [article(B, 'Two', 'Second text here.')]);
    const resolver = new AnchorResolver(doc);
    const r = resolver.resolve(anchor);
    expect(r).toMatchObject({ state: 'moved', moved: true, currentQuote: 'text' });
    expect(r.clause?.path).toBe('1.1');
    expect(r.start).not.toBe(anchor.start);
    expect(resolver.resolve(clauseAnchor)).toMatchObject({ state: 'moved', clause: { label: 'Article 1' } });
  });

  it('becomes moved when the clause is renumbered by an insertion before it', () => {
    const doc = docWith([A, 'One', 'First text here.']);
    const anchor = rangeOn(doc, A, 'First');
    doc.getXmlFragment('default').insert(0, [article(C, 'Zero', 'New first.')]);
    expect(new AnchorResolver(doc).resolve(anchor)).toMatchObject({ state: 'moved', currentQuote: 'First' });
  });

  it('becomes orphaned when the clause is deleted, keeping the quote and the old label', () => {
    const doc = docWith([A, 'One', 'First text here.'], [B, 'Two', 'Second text here.']);
    const anchor = rangeOn(doc, B, 'text');
    const clauseAnchor = store(doc, { kind: 'clause', clauseId: B });
    doc.getXmlFragment('default').delete(1, 1);
    const resolver = new AnchorResolver(doc);
    expect(resolver.resolve(anchor)).toMatchObject({
      state: 'orphaned',
      quote: 'text',
      currentClauseId: null,
      original: { label: '1.', path: '2.1' },
    });
    expect(resolver.resolve(clauseAnchor)).toMatchObject({
      state: 'orphaned',
      original: { label: 'Article 2' },
    });
  });

  it('follows concurrent edits from two replicas', () => {
    const a = docWith([A, 'One', 'The quick brown fox jumps.']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const anchor = rangeOn(a, A, 'brown fox');
    bodyText(a, A).insert(4, 'very ');
    bodyText(b, A).insert(25, ' high'); // after, before the full stop
    bodyText(b, A).insert(15, ' red'); // inside: "brown red fox"
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ra = new AnchorResolver(a).resolve(anchor);
    expect(ra).toEqual(new AnchorResolver(b).resolve(anchor));
    expect(ra).toMatchObject({ state: 'edited', currentQuote: 'brown red fox' });
  });

  it('spans textblocks of one clause and quotes them joined by a line break', () => {
    const doc = docWith([A, 'Heading', 'Body text.']);
    const heading = (articleEl(doc, A).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const body = bodyText(doc, A);
    const input = createRangeAnchor(doc, { text: heading, index: 4 }, { text: body, index: 4 });
    expect(input).toMatchObject({ clauseId: A, quote: 'ing\nBody' });
    expect(new AnchorResolver(doc).resolve(store(doc, input)).state).toBe('attached');
  });

  it('refuses an empty selection', () => {
    const doc = docWith([A, 'One', 'First.']);
    const text = bodyText(doc, A);
    expect(() => createRangeAnchor(doc, { text, index: 2 }, { text, index: 2 })).toThrow(RangeError);
  });
});

describe('storedAnchorOf', () => {
  it('hands a resolved anchor back for local resolution with the same result', () => {
    const doc = docWith([A, 'One', 'First text here.']);
    const anchor = rangeOn(doc, A, 'text');
    const resolved = new AnchorResolver(doc).resolve(anchor);
    expect(storedAnchorOf(resolved)).toEqual(anchor);
    bodyText(doc, A).insert(at(bodyText(doc, A), 'text'), 'plain ');
    expect(new AnchorResolver(doc).resolve(storedAnchorOf(resolved))).toMatchObject({
      state: 'attached',
      currentQuote: 'text',
    });
  });
});
