import * as Y from 'yjs';
import { ClauseIndex } from './ClauseIndex.js';
import { ClauseText } from './ClauseText.js';
import type { DocumentLanguage } from '../documentKinds.js';
import { encodePosition, resolvePosition } from './relativePositions.js';
import type { RangeAnchorInput } from '../schemas/comments.js';
import { Limits } from '../limits.js';

/** A place in the text: an index into one Y.XmlText of the editor content. */
export interface TextPoint {
  text: Y.XmlText;
  index: number;
}

/**
 * Builds the anchor of a range comment from a selection in the Y.Doc (for the browser: map the
 * ProseMirror selection to XmlText + index, e.g. through y-prosemirror's
 * absolutePositionToRelativePosition, then use rangeAnchorFromRelativePositions). The start is
 * bound to the first selected character and the end to the last one, so text typed just before
 * or just after the range stays outside it, and text typed inside stays inside. `follow` is the
 * text after the range in its textblock: when the whole quote is typed over, the range reaches up
 * to where that text starts, so it covers the new words.
 *
 * The clause is the innermost clause containing both ends. Throws RangeError when the range is
 * empty or not inside one clause.
 */
export function createRangeAnchor(
  doc: Y.Doc,
  from: TextPoint,
  to: TextPoint,
  language: DocumentLanguage = 'en',
): RangeAnchorInput {
  const index = new ClauseIndex(doc, language);
  const clause = index.commonClause(from.text, to.text);
  if (!clause) throw new RangeError('the selection is not inside a clause');
  const text = new ClauseText(clause.element);
  const a = text.offsetOf(from.text, from.index);
  const b = text.offsetOf(to.text, to.index);
  if (a === undefined || b === undefined) throw new RangeError('the selection is not inside a clause');
  const [startOffset, endOffset] = a <= b ? [a, b] : [b, a];
  const [start, end] = a <= b ? [from, to] : [to, from];
  const quote = text.value.slice(startOffset, endOffset);
  const blockEnd = text.runEnd(end.text) ?? endOffset;
  if (quote.trim() === '') throw new RangeError('the selection is empty');
  return {
    kind: 'range',
    clauseId: clause.clauseId,
    start: encodePosition(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(end.text, end.index, -1)),
    follow: text.value.slice(endOffset, Math.min(blockEnd, endOffset + Limits.commentFollowMax)),
    quote,
  };
}

/** Same from two Yjs relative positions (e.g. y-prosemirror's, for a ProseMirror selection). */
export function rangeAnchorFromRelativePositions(
  doc: Y.Doc,
  from: Y.RelativePosition,
  to: Y.RelativePosition,
  language: DocumentLanguage = 'en',
): RangeAnchorInput {
  const a = resolvePosition(doc, from);
  const b = resolvePosition(doc, to);
  if (!a || !b || !(a.type instanceof Y.XmlText) || !(b.type instanceof Y.XmlText)) {
    throw new RangeError('the selection is not in the text');
  }
  return createRangeAnchor(doc, { text: a.type, index: a.index }, { text: b.type, index: b.index }, language);
}
