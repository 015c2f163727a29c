import * as Y from 'yjs';
import type { DocumentLanguage } from '../documentKinds.js';
import type { AnchorState, ClauseSnapshot, ResolvedAnchor, StoredAnchor } from './anchorTypes.js';
import { ClauseIndex, type ClauseEntry } from './ClauseIndex.js';
import { ClauseText } from './ClauseText.js';
import {
  decodePosition,
  encodePosition,
  isDeleted,
  resolvePosition,
  type LivePosition,
} from './relativePositions.js';

/**
 * Computes the state of comment anchors against a document's current Yjs content. Pure: reads
 * the Y.Doc, never changes it. Build one per document state and resolve every anchor with it
 * (the clause index and clause texts are computed once). Used by the server (GET comments) and
 * by the browser (live decorations) alike, so both always agree.
 */
export class AnchorResolver {
  private readonly clauses: ClauseIndex;
  private readonly texts = new Map<ClauseEntry, ClauseText>();

  constructor(
    private readonly doc: Y.Doc,
    language: DocumentLanguage = 'en',
  ) {
    this.clauses = new ClauseIndex(doc, language);
  }

  /** Where the clause stands now (for a new comment's snapshot); undefined when it is not there. */
  snapshot(clauseId: string): ClauseSnapshot | undefined {
    return this.clauses.get(clauseId)?.snapshot;
  }

  /**
   * Checks a new range anchor against the document: 'ok' when its positions lie inside the
   * clause, 'pending' when this document does not know them yet (the author's edits are still on
   * their way), 'outside' when they lie elsewhere, 'empty' when they enclose no text.
   */
  checkRange(
    clauseId: string,
    start: string,
    end: string,
  ): 'ok' | 'pending' | 'outside' | 'empty' | 'malformed' {
    const clause = this.clauses.get(clauseId);
    const a = decodePosition(start);
    const b = decodePosition(end);
    if (!a || !b) return 'malformed';
    if (!clause) return 'outside';
    const from = resolvePosition(this.doc, a);
    const to = resolvePosition(this.doc, b);
    if (!from || !to) return 'pending';
    const text = this.textOf(clause);
    const x = text.offsetOf(from.type, from.index);
    const y = text.offsetOf(to.type, to.index);
    if (x === undefined || y === undefined) return 'outside';
    return y > x ? 'ok' : 'empty';
  }

  resolve(anchor: StoredAnchor): ResolvedAnchor {
    const entry = this.clauses.get(anchor.clauseId);
    const base = {
      kind: anchor.kind,
      clauseId: anchor.clauseId,
      quote: anchor.kind === 'range' ? anchor.quote : null,
      original: anchor.clause,
      originalStart: anchor.kind === 'range' ? anchor.start : null,
      originalEnd: anchor.kind === 'range' ? anchor.end : null,
      follow: anchor.kind === 'range' ? (anchor.follow ?? null) : null,
    };
    if (anchor.kind === 'clause') {
      if (!entry) return { ...base, ...orphaned() };
      const moved = hasMoved(anchor.clause, entry.snapshot);
      return {
        ...base,
        state: moved ? 'moved' : 'attached',
        moved,
        currentClauseId: entry.clauseId,
        currentQuote: null,
        clause: entry.snapshot,
        start: null,
        end: null,
      };
    }

    const quote = anchor.quote ?? '';
    const live = this.liveRange(anchor);
    if (live) {
      const clause = live.clause;
      const moved = clause.clauseId !== anchor.clauseId || hasMoved(anchor.clause, clause.snapshot);
      // a collapsed range: its text was deleted; fall back to the clause as stored, if it is there
      if (live.text === '') {
        const fallback = entry ?? clause;
        return {
          ...base,
          state: 'detached',
          moved: fallback.clauseId !== anchor.clauseId || hasMoved(anchor.clause, fallback.snapshot),
          currentClauseId: fallback.clauseId,
          currentQuote: '',
          clause: fallback.snapshot,
          start: null,
          end: null,
        };
      }
      const state: AnchorState = live.text !== quote ? 'edited' : moved ? 'moved' : 'attached';
      return {
        ...base,
        state,
        moved,
        currentClauseId: clause.clauseId,
        currentQuote: live.text,
        clause: clause.snapshot,
        start: anchor.start,
        end: live.end ?? anchor.end,
      };
    }

    if (!entry) return { ...base, ...orphaned() };
    // The positions' text is gone but the clause is here: the editor recreates the text of a
    // clause it moves (ProseMirror moves are delete + insert), so look for the quote in it.
    const moved = hasMoved(anchor.clause, entry.snapshot);
    const found = quote === '' ? undefined : this.findQuote(entry, quote);
    if (found) {
      return {
        ...base,
        state: moved ? 'moved' : 'attached',
        moved,
        currentClauseId: entry.clauseId,
        currentQuote: quote,
        clause: entry.snapshot,
        start: found.start,
        end: found.end,
      };
    }
    return {
      ...base,
      state: 'detached',
      moved,
      currentClauseId: entry.clauseId,
      currentQuote: '',
      clause: entry.snapshot,
      start: null,
      end: null,
    };
  }

  /**
   * The range's clause and current text, when both positions still lie in live text; `end` is a
   * fresh end position when the range now ends elsewhere than the stored one says (typed over).
   */
  private liveRange(
    anchor: StoredAnchor,
  ): { clause: ClauseEntry; text: string; end: string | undefined } | undefined {
    const a = anchor.start ? decodePosition(anchor.start) : null;
    const b = anchor.end ? decodePosition(anchor.end) : null;
    if (!a || !b) return undefined;
    const from = resolvePosition(this.doc, a);
    const to = resolvePosition(this.doc, b);
    if (!from || !to) return undefined;
    const clause = this.clauses.commonClause(from.type, to.type);
    if (!clause) return undefined;
    const text = this.textOf(clause);
    const x = text.offsetOf(from.type, from.index);
    let y = text.offsetOf(to.type, to.index);
    if (x === undefined || y === undefined) return undefined;
    let end: string | undefined;
    const retyped =
      b.item && isDeleted(this.doc, b.item) ? typedOverEnd(text, to, y, anchor.follow) : undefined;
    const point = retyped !== undefined && retyped > x ? text.pointAt(retyped, true) : undefined;
    if (point) {
      y = retyped!;
      end = encodePosition(Y.createRelativePositionFromTypeIndex(point.text, point.index, -1));
    }
    return { clause, text: y > x ? text.value.slice(x, y) : '', end };
  }

  private findQuote(entry: ClauseEntry, quote: string): { start: string; end: string } | undefined {
    const text = this.textOf(entry);
    const offset = text.value.indexOf(quote);
    if (offset < 0) return undefined;
    const from = text.pointAt(offset);
    const to = text.pointAt(offset + quote.length, true);
    if (!from || !to) return undefined;
    return {
      start: encodePosition(Y.createRelativePositionFromTypeIndex(from.text, from.index, 0)),
      end: encodePosition(Y.createRelativePositionFromTypeIndex(to.text, to.index, -1)),
    };
  }

  private textOf(entry: ClauseEntry): ClauseText {
    let text = this.texts.get(entry);
    if (!text) {
      text = new ClauseText(entry.element);
      this.texts.set(entry, text);
    }
    return text;
  }
}

/**
 * Where a range ends once its last character was deleted: where the text that followed it starts
 * (the first place at or after the deleted end, in the same textblock). Text typed over a selection
 * lands after the deleted characters, and the editor's binding may even match a typed space with
 * the one after the quote, so neither the stored end nor the character after it marks the end of
 * the new words; the text that followed does. Undefined without it or when it is gone too.
 */
function typedOverEnd(
  text: ClauseText,
  to: LivePosition,
  y: number,
  follow: string | null | undefined,
): number | undefined {
  if (follow === null || follow === undefined) return undefined;
  const blockEnd = text.runEnd(to.type);
  if (blockEnd === undefined) return undefined;
  if (follow === '') return blockEnd;
  const at = text.value.indexOf(follow, y);
  return at >= 0 && at + follow.length <= blockEnd ? at : undefined;
}

function orphaned() {
  return {
    state: 'orphaned' as const,
    moved: false,
    currentClauseId: null,
    currentQuote: null,
    clause: null,
    start: null,
    end: null,
  };
}

/** Moved or renumbered: its address (number path) or its enclosing clause changed. */
function hasMoved(was: ClauseSnapshot, now: ClauseSnapshot): boolean {
  if (was.parentId !== now.parentId) return true;
  if (was.path !== null || now.path !== null) return was.path !== now.path;
  return was.index !== now.index;
}
