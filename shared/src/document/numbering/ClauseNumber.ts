import type { ClauseKind } from '../clauseKinds.js';

/** The computed number of one clause. Never stored: derived from the document on every change. */
export interface ClauseNumber {
  kind: ClauseKind;
  /** The bare number: 'I' (chapter), '3' (article), '2' (paragraph), 'b' (point), '1.2' (action). */
  number: string;
  /** What a reader sees: 'Chapter I', 'Artículo 3', 'Article premier', '2.', 'b)', 'ii)'. */
  label: string;
  /**
   * Unique, language-independent address: '3', '3.2', '3.2.b', '3.2.b.ii' (articles and their
   * parts), 'chapter.I', 'recital.2', 'annex.I.2.a', 'objective.1', 'objective.1.2' (action).
   */
  path: string;
  /** Number of clause ancestors (an article inside a chapter has depth 1). */
  depth: number;
  /** clauseId of the nearest clause ancestor, or null at the top. */
  parentId: string | null;
}
