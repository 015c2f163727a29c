import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newClauseId } from '@accord/shared';
import { mayDuplicateClauseIds, repairClauseIds } from './repairClauseIds.js';

/** A document with one article holding one numbered paragraph of text, as the editor writes it. */
function documentWithArticle() {
  const doc = new Y.Doc();
  const ids = { article: newClauseId(), paragraph: newClauseId() };
  const fragment = doc.getXmlFragment('default');
  const article = new Y.XmlElement('article');
  article.setAttribute('clauseId', ids.article);
  const paragraph = new Y.XmlElement('numberedParagraph');
  paragraph.setAttribute('clauseId', ids.paragraph);
  const text = new Y.XmlText('Every person');
  paragraph.insert(0, [text]);
  article.insert(0, [paragraph]);
  fragment.insert(0, [article]);
  return { doc, ids, fragment, article, paragraph, text };
}

/** Whether the transaction of `change` may have duplicated a clause id. */
function judged(doc: Y.Doc, change: () => void): boolean {
  let verdict: boolean | undefined;
  const listener = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    verdict = mayDuplicateClauseIds(tr);
  };
  doc.on('update', listener);
  doc.transact(change);
  doc.off('update', listener);
  if (verdict === undefined) throw new Error('the change changed nothing');
  return verdict;
}

describe('mayDuplicateClauseIds', () => {
  it('is false for typing, deleting text and formatting', () => {
    const { doc, text } = documentWithArticle();
    expect(judged(doc, () => text.insert(5, ' new'))).toBe(false);
    expect(judged(doc, () => text.delete(0, 3))).toBe(false);
    expect(judged(doc, () => text.format(0, 3, { bold: true }))).toBe(false);
  });

  it('is false for other attributes of a structural node', () => {
    const { doc, article } = documentWithArticle();
    expect(judged(doc, () => article.setAttribute('status', 'done'))).toBe(false);
  });

  it('is true when elements are added or a clauseId is set or removed', () => {
    const { doc, article, paragraph } = documentWithArticle();
    expect(judged(doc, () => article.insert(1, [new Y.XmlElement('numberedParagraph')]))).toBe(true);
    expect(judged(doc, () => paragraph.setAttribute('clauseId', newClauseId()))).toBe(true);
    expect(judged(doc, () => paragraph.removeAttribute('clauseId'))).toBe(true);
  });
});

describe('repairClauseIds', () => {
  it('gives a duplicate a new id and keeps the first', () => {
    const { doc, ids, article } = documentWithArticle();
    const copy = new Y.XmlElement('numberedParagraph');
    copy.setAttribute('clauseId', ids.paragraph);
    article.insert(1, [copy]);
    expect(repairClauseIds(doc, 'test')).toBe(1);
    const first = article.get(0) as Y.XmlElement;
    expect(first.getAttribute('clauseId')).toBe(ids.paragraph);
    expect(copy.getAttribute('clauseId')).not.toBe(ids.paragraph);
    expect(repairClauseIds(doc, 'test')).toBe(0);
  });
});
