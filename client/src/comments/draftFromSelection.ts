import type * as Y from 'yjs';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, absolutePositionToRelativePosition } from '@tiptap/y-tiptap';
import {
  getNumbering,
  Limits,
  rangeAnchorFromRelativePositions,
  type AnchorInput,
  type DocumentLanguage,
} from '@accord/shared';
import type { ClauseLookup, NamedClause } from './clauseName';

/** What a new thread will be anchored to (captured when the composer opens). */
export interface Draft {
  anchor: AnchorInput;
  /** the clause as readers see it ('Article 3'), when known */
  label: string | null;
  quote: string | null;
}

/** A draft, or the i18n key of why none could be made (selection across clauses, too long, ...). */
export type DraftResult = Draft | { error: string };

export interface ClauseNaming {
  /** finds a clause in this browser's copy of the text */
  lookup: ClauseLookup;
  name(snapshot: NamedClause, lookup?: ClauseLookup): string;
}

/**
 * The clause the editor's cursor is in (for the clause comment button, after every keystroke).
 * Named from the numbers the editor's Numbering plugin keeps for its current state (the same
 * numberClauses as the clause index, mapped through typing): no walk of the document.
 */
export function clauseAtSelection(
  view: EditorView | null,
  naming: ClauseNaming,
): { clauseId: string; label: string | null } | null {
  if (!view) return null;
  const numbers = getNumbering(view.state)?.numbers;
  const lookup: ClauseLookup = numbers ? (clauseId) => numbers.get(clauseId) : naming.lookup;
  const $from = view.state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const clauseId = $from.node(depth).attrs.clauseId as unknown;
    if (typeof clauseId === 'string' && clauseId) {
      const snapshot = lookup(clauseId);
      return { clauseId, label: snapshot ? naming.name(snapshot, lookup) : null };
    }
  }
  return null;
}

/** A draft for the editor's selection (a range), or for the clause at the cursor. */
export function draftFromSelection(
  view: EditorView | null,
  ydoc: Y.Doc,
  language: DocumentLanguage,
  naming: ClauseNaming,
): DraftResult {
  if (!view) return { error: 'comments.composer.noEditor' };
  const selection = view.state.selection;
  if (selection.empty) {
    const clause = clauseAtSelection(view, naming);
    if (!clause) return { error: 'comments.composer.noClause' };
    return { anchor: { kind: 'clause', clauseId: clause.clauseId }, label: clause.label, quote: null };
  }
  const sync = ySyncPluginKey.getState(view.state) as
    { type: Y.XmlFragment; binding: { mapping: never } } | undefined;
  if (!sync?.binding) return { error: 'comments.composer.noEditor' };
  try {
    const from = absolutePositionToRelativePosition(selection.from, sync.type, sync.binding.mapping);
    const to = absolutePositionToRelativePosition(selection.to, sync.type, sync.binding.mapping);
    const anchor = rangeAnchorFromRelativePositions(ydoc, from, to, language);
    if (anchor.quote.length > Limits.commentQuoteMax) return { error: 'comments.composer.tooLong' };
    const snapshot = naming.lookup(anchor.clauseId);
    return { anchor, label: snapshot ? naming.name(snapshot) : null, quote: anchor.quote };
  } catch {
    return { error: 'comments.composer.acrossClauses' };
  }
}
