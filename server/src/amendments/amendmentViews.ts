import {
  ClauseIndex,
  contentText,
  editsOverlap,
  formattedDiff,
  mergeMarks,
  rebaseAmendment,
  wordDiff,
  type AmendmentState,
  type ClauseContent,
  type DocumentLanguage,
  type Rebased,
  type TextEdit,
} from '@accord/shared';
import type { CollabControl } from '../collab/CollabControl.js';
import type { AmendmentEventRecord } from '../models/AmendmentEvent.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { amendmentCache } from './AmendmentCache.js';
import { readClauseBlocks } from './clauseBlocks.js';
import { closedState, foldAmendment, type OpenAmendment } from './foldAmendment.js';

/** An amendment as it stands against the live document. */
export interface AmendmentView {
  amendment: OpenAmendment;
  state: AmendmentState;
  rebased: Rebased | null;
  clauseLabel: string | null;
  /** the clause's place in document order (Infinity when it is gone) */
  clauseOrder: number;
  currentText: string | null;
  competingWith: string[];
}

interface LiveClause {
  content: ClauseContent;
  label: string;
  order: number;
}

/**
 * Every amendment of a document, each rebased against its clause as it is now in the live
 * document (read through the room), with competing amendments marked. Nothing stored changes
 * when a clause changes: states are computed here, at every read.
 */
export async function amendmentViews(
  collab: CollabControl,
  documentId: string,
  language: DocumentLanguage,
  /** only the amendments of this clause (competing amendments are always of one clause) */
  onlyClause?: string,
): Promise<AmendmentView[]> {
  const read = await amendmentCache.read(documentId);
  const amendments = onlyClause ? read.amendments.filter((a) => a.clauseId === onlyClause) : read.amendments;
  const events = read.events;
  const byAmendment = new Map<string, AmendmentEventRecord[]>();
  for (const event of events) {
    const key = event.amendmentId.toHexString();
    let list = byAmendment.get(key);
    if (!list) byAmendment.set(key, (list = []));
    list.push(event);
  }
  const folded = amendments.map((record) =>
    foldAmendment(record, byAmendment.get(record._id.toHexString()) ?? []),
  );
  const wanted = new Set(folded.map((a) => a.clauseId));
  const live = await collab.withDocument(documentId, (doc) => {
    const index = new ClauseIndex(doc, language, EDITOR_FIELD);
    const found = new Map<string, LiveClause>();
    for (const clauseId of wanted) {
      const entry = index.get(clauseId);
      if (entry)
        found.set(clauseId, {
          content: readClauseBlocks(entry.element).content,
          label: clauseName(index, clauseId),
          order: entry.snapshot.index,
        });
    }
    return found;
  });
  const views = folded.map((amendment): AmendmentView => {
    const clause = live.get(amendment.clauseId) ?? null;
    const closed = closedState(amendment);
    const currentText = clause && amendment.kind !== 'insert' ? contentText(clause.content) : null;
    if (closed) {
      const applied = amendment.closedBy?.proposal ?? amendment.proposal;
      const from = amendment.base ? contentText(amendment.base) : '';
      const to = amendment.kind === 'delete' || !applied ? '' : contentText(applied);
      const closedDiff = (a: string, b: string) =>
        amendment.kind === 'replace' && amendment.base && applied
          ? formattedDiff(wordDiff(a, b), mergeMarks(amendment.base, amendment.base, applied).edits)
          : wordDiff(a, b);
      return {
        amendment,
        state: closed,
        rebased: { state: 'pending', merge: null, fields: null, marks: [], diff: closedDiff(from, to) },
        clauseLabel: clause?.label ?? null,
        clauseOrder: clause?.order ?? Infinity,
        currentText,
        competingWith: [],
      };
    }
    const rebased = rebaseMemo(amendment, clause?.content ?? null);
    return {
      amendment,
      state: rebased.state,
      rebased,
      clauseLabel: clause?.label ?? null,
      clauseOrder: clause?.order ?? Infinity,
      currentText,
      competingWith: [],
    };
  });
  markCompeting(views);
  return views;
}

const memo = new Map<string, { key: string; rebased: Rebased }>();
const MEMO_MAX = 50_000;

/**
 * rebaseAmendment, remembered per amendment until its revision or its clause's wording changes:
 * a list of 500 amendments over a text being edited rebases only those whose clause changed.
 */
function rebaseMemo(amendment: OpenAmendment, current: ClauseContent | null): Rebased {
  const key = `${amendment.lastSeq}\u0001${current ? JSON.stringify(current) : ''}`;
  const hit = memo.get(amendment.id);
  if (hit?.key === key) return hit.rebased;
  const rebased = rebaseAmendment(amendment, current);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(amendment.id, { key, rebased });
  return rebased;
}

/** A clause named with the clauses around it, chapters left out: "Article 3, 2., b)". */
function clauseName(index: ClauseIndex, clauseId: string): string {
  const labels: string[] = [];
  for (
    let at = index.get(clauseId);
    at;
    at = at.snapshot.parentId ? index.get(at.snapshot.parentId) : undefined
  ) {
    if (at.snapshot.kind !== 'chapter' && at.snapshot.label) labels.unshift(at.snapshot.label);
    if (labels.length > 8) break;
  }
  return labels.join(', ');
}

/** Two open amendments of one clause compete when their changes touch the same words (a deletion: any). */
function markCompeting(views: AmendmentView[]): void {
  const byClause = new Map<string, AmendmentView[]>();
  for (const view of views) {
    if (view.amendment.kind === 'insert' || (view.state !== 'pending' && view.state !== 'rebased')) continue;
    let list = byClause.get(view.amendment.clauseId);
    if (!list) byClause.set(view.amendment.clauseId, (list = []));
    list.push(view);
  }
  for (const list of byClause.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const compete =
          a.amendment.kind === 'delete' ||
          b.amendment.kind === 'delete' ||
          editsOverlap(changedStretches(a), changedStretches(b)) ||
          (a.rebased?.fields &&
            b.rebased?.fields &&
            Object.keys(a.rebased.fields).some((k) => k in b.rebased!.fields!));
        if (compete) {
          a.competingWith.push(b.amendment.id);
          b.competingWith.push(a.amendment.id);
        }
      }
    }
  }
}

/** The stretches of the current text an amendment changes: its words, and those it formats. */
function changedStretches(view: AmendmentView): TextEdit[] {
  const marks = (view.rebased?.marks ?? []).map((m) => ({
    from: m.from,
    to: m.to,
    insert: '',
    proposalOffset: 0,
  }));
  return [...(view.rebased?.merge?.edits ?? []), ...marks];
}
