import { findMatches, snippetAround, type SearchTextHit } from '@accord/shared';
import type { DocumentTextPiece } from '../models/DocumentText.js';

/** text hits listed per document at most */
const MAX_TEXT_HITS = 3;

/** Where the query is in a document's search text: one hit per clause (its first match). */
export function textHits(
  pieces: DocumentTextPiece[],
  query: string,
): { hits: SearchTextHit[]; more: boolean } {
  const hits: SearchTextHit[] = [];
  for (const piece of pieces) {
    const text = piece.heading ? `${piece.heading}\n${piece.text}` : piece.text;
    const [match] = findMatches(text, query, 1);
    if (!match) continue;
    if (hits.length === MAX_TEXT_HITS) return { hits, more: true };
    const snippet = snippetAround(text.replace(/\n/g, ' '), match);
    hits.push({
      clauseId: piece.clauseId,
      heading: piece.heading,
      snippet: snippet.text,
      match: snippet.match,
      cutBefore: snippet.cutBefore,
      cutAfter: snippet.cutAfter,
    });
  }
  return { hits, more: false };
}
