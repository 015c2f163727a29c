import type { ClauseKind } from '../document/clauseKinds.js';

/** Where a clause stood when a comment was written (numbers are computed, so they can drift). */
export interface ClauseSnapshot {
  kind: ClauseKind | null;
  /** bare number ('3', 'b'), or null when the clause had no number */
  number: string | null;
  /** what a reader saw ('Article 3', '2.', 'b)') */
  label: string | null;
  /** language-independent address ('3.2.b'); a change means the clause moved or was renumbered */
  path: string | null;
  /** clauseId of the enclosing clause, null at the top */
  parentId: string | null;
  /** position among all clauses of the document, in document order (0-based) */
  index: number;
}

/**
 * A comment's anchor as stored (and as the API returns it). Not stored in the Yjs document:
 * readers may comment but never write the text.
 * - `clause`: the whole clause `clauseId`;
 * - `range`: text inside the clause between two Yjs relative positions (base64 of
 *   Y.encodeRelativePosition), with the text that was quoted.
 */
export interface StoredAnchor {
  kind: 'clause' | 'range';
  clauseId: string;
  /** base64 Y.encodeRelativePosition of the first quoted character (assoc 0); range only */
  start: string | null;
  /** base64 Y.encodeRelativePosition after the last quoted character (assoc -1); range only */
  end: string | null;
  /**
   * The text that followed the quote in its textblock (up to 32 characters; '' at its end): once
   * the quote's last character is deleted, the range reaches up to where this text starts, so a
   * passage typed over keeps its comment on the new words. Range anchors written before issue 12
   * have none.
   */
  follow?: string | null;
  /** the quoted text at the time of writing; range only */
  quote: string | null;
  /** the clause when the comment was written */
  clause: ClauseSnapshot;
  /** the frozen version that was current when the comment was written (null: none yet) */
  versionNumber: number | null;
}

/**
 * attached: the range (or clause) is intact and where it was;
 * edited: the range is still found but its text changed (compare `quote` with `currentQuote`);
 * moved: the text is intact but the clause moved or was renumbered (follow `clause`);
 * detached: the quoted text is gone; the comment falls back to its clause;
 * orphaned: the clause itself is gone; show the stored quote and `original` clause label.
 */
export const ANCHOR_STATES = ['attached', 'edited', 'moved', 'detached', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/** A stored anchor resolved against the current document. Plain JSON: the API returns it. */
export interface ResolvedAnchor {
  kind: 'clause' | 'range';
  state: AnchorState;
  /** the clause moved or was renumbered (also true when the state is `edited` or `detached`) */
  moved: boolean;
  /** the clause id as stored */
  clauseId: string;
  /** the clause the comment now belongs to (differs from clauseId when the range moved into a
   *  split-off clause); null when orphaned */
  currentClauseId: string | null;
  /** the stored quote (range), else null */
  quote: string | null;
  /** the range's text now: equal to quote when attached/moved, the new text when edited, '' when
   *  detached, null for clause anchors and orphans */
  currentQuote: string | null;
  /** where the clause is now (null when orphaned) */
  clause: ClauseSnapshot | null;
  /** where the clause was when the comment was written (the label to show for orphans) */
  original: ClauseSnapshot;
  /**
   * The range now, as base64 relative positions usable with Y.decodeRelativePosition (e.g. with
   * y-prosemirror's relativePositionToAbsolutePosition for highlights): the stored ones while they
   * hold, or fresh ones when the range was found again by its quote after its text was recreated
   * (a moved article). Null when there is no range to highlight.
   */
  start: string | null;
  end: string | null;
  /** the positions as stored (range only): what storedAnchorOf() hands back to an AnchorResolver */
  originalStart: string | null;
  originalEnd: string | null;
  /** the text that followed the quote (range only; see StoredAnchor.follow) */
  follow: string | null;
}

/** The stored anchor behind a resolved one, to resolve it again locally (e.g. live, in the browser). */
export function storedAnchorOf(resolved: ResolvedAnchor): StoredAnchor {
  return {
    kind: resolved.kind,
    clauseId: resolved.clauseId,
    start: resolved.originalStart,
    end: resolved.originalEnd,
    follow: resolved.follow,
    quote: resolved.quote,
    clause: resolved.original,
    versionNumber: null,
  };
}
