import type * as Y from 'yjs';
import { foldedOf, fragmentToJson, renderCanonical } from '@accord/shared';
import type { DocumentTextPiece } from '../models/DocumentText.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';

export interface SearchText {
  pieces: DocumentTextPiece[];
  folded: string;
}

/**
 * The searchable text of a document's current state: each clause's heading and own text, then the
 * text outside clauses, through the one canonical rendering (the numbering language does not
 * matter here: numbers are not searched).
 */
export function extractSearchText(doc: Y.Doc): SearchText {
  const rendering = renderCanonical(fragmentToJson(doc, EDITOR_FIELD), 'en');
  const pieces: DocumentTextPiece[] = [];
  for (const clause of rendering.clauses) {
    if (!clause.heading && !clause.text) continue;
    pieces.push({ clauseId: clause.clauseId, heading: clause.heading || null, text: clause.text });
  }
  for (const free of rendering.freeText) pieces.push({ clauseId: null, heading: null, text: free.text });
  const folded = pieces.map((p) => foldedOf(p.heading ? `${p.heading}\n${p.text}` : p.text)).join('\n');
  return { pieces, folded };
}
