import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Limits } from '@accord/shared';
import { checkClientUpdate } from './checkClientUpdate.js';

/**
 * The verdict on the update a change to `client` makes, against `server` (which has what client
 * had); the server applies it when it passes.
 */
function check(server: Y.Doc, client: Y.Doc, change: (doc: Y.Doc) => void) {
  const before = Y.encodeStateVector(client);
  change(client);
  const update = Y.encodeStateAsUpdate(client, before);
  const verdict = checkClientUpdate(server, Y.decodeUpdate(update));
  if (verdict === 'ok') Y.applyUpdate(server, update);
  return verdict;
}

function pair(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** Points nested in an article, down to a paragraph at `deepest` (the root's children are at 1). */
function nestPoints(doc: Y.Doc, deepest: number): void {
  doc.transact(() => {
    const article = new Y.XmlElement('article');
    doc.getXmlFragment('default').insert(0, [article]);
    const numbered = new Y.XmlElement('numberedParagraph');
    article.insert(0, [new Y.XmlElement('clauseHeading'), numbered]);
    numbered.insert(0, [paragraph('intro')]);
    let parent = numbered;
    // article (1), numberedParagraph (2), then points from depth 3, each with a paragraph
    for (let depth = 3; depth < deepest; depth++) {
      const point = new Y.XmlElement('point');
      parent.insert(parent.length, [point]);
      point.insert(0, [paragraph(`level ${depth}`)]);
      parent = point;
    }
  });
}

describe('checkClientUpdate', () => {
  it('passes typing into existing text, and marks the schema allows there', () => {
    const { server, client } = pair();
    const first = check(server, client, (d) => d.getXmlFragment('default').insert(0, [paragraph('abc')]));
    expect(first).toBe('ok');
    const text = (client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(check(server, client, () => text.insert(3, 'd'))).toBe('ok');
    expect(check(server, client, () => text.format(0, 2, { bold: {} }))).toBe('ok');
    expect(
      check(server, client, () => text.insert(1, 'x', { link: { href: 'javascript:alert(1)' } })),
    ).toEqual({ invalid: 'link target not allowed' });
  });

  it('passes bracketed text, plain or with an alternative label, and refuses a bad label', () => {
    const withText = () => {
      const docs = pair();
      check(docs.server, docs.client, (d) =>
        d.getXmlFragment('default').insert(0, [paragraph('one two three')]),
      );
      const text = (docs.client.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      return { ...docs, text };
    };
    const { server, client, text } = withText();
    expect(check(server, client, () => text.format(0, 3, { bracketed: { option: null } }))).toBe('ok');
    expect(check(server, client, () => text.format(4, 3, { bracketed: { option: 'Option A' } }))).toBe('ok');
    for (const option of ['x'.repeat(41), 42, 'Option [B]', '']) {
      const other = withText();
      expect(
        check(other.server, other.client, () => other.text.format(8, 5, { bracketed: { option } })),
      ).toEqual({
        invalid: 'bracketed text has an invalid option label',
      });
    }
  });

  it(`refuses nesting deeper than ${Limits.documentNestingMax}, with every parent allowing its child`, () => {
    const ok = pair();
    expect(check(ok.server, ok.client, (d) => nestPoints(d, Limits.documentNestingMax))).toBe('ok');
    const deep = pair();
    expect(check(deep.server, deep.client, (d) => nestPoints(d, Limits.documentNestingMax + 1))).toEqual({
      invalid: `nodes nested deeper than ${Limits.documentNestingMax}`,
    });
  });

  it('counts the depth of elements already in the document', () => {
    const { server, client } = pair();
    expect(check(server, client, (d) => nestPoints(d, Limits.documentNestingMax))).toBe('ok');
    let deepest = client.getXmlFragment('default').get(0) as Y.XmlElement;
    for (
      let next = deepest.get(deepest.length - 1);
      next instanceof Y.XmlElement && next.nodeName !== 'paragraph';
    ) {
      deepest = next;
      next = deepest.get(deepest.length - 1);
    }
    // the deepest point is at 31: a paragraph in it (32) fits; a point (32) holding one (33) does not
    const point = () => {
      const p = new Y.XmlElement('point');
      p.insert(0, [paragraph('too deep')]);
      return p;
    };
    expect(check(server, client, () => deepest.insert(deepest.length, [paragraph('deep enough')]))).toBe(
      'ok',
    );
    expect(check(server, client, () => deepest.insert(deepest.length, [point()]))).toEqual({
      invalid: `nodes nested deeper than ${Limits.documentNestingMax}`,
    });
  });

  it('says what an update hanging off content the server lacks waits for', () => {
    const { server, client } = pair();
    client.getXmlFragment('default').insert(0, [paragraph('never sent')]);
    const verdict = check(server, client, (d) => {
      const fragment = d.getXmlFragment('default');
      fragment.insert(fragment.length, [paragraph('after it')]);
    });
    expect(verdict).toEqual({ waitsFor: new Map([[client.clientID, expect.any(Number)]]) });
  });
});
