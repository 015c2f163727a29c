import type { Hunk } from './Hunk.js';
import { tokenHunks } from './tokenHunks.js';
import { wordTokens } from './wordTokens.js';

/** One of the proposal's changes, placed in the current text: current [from, to) becomes `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  /** where `insert` starts in the proposal text (to take its marks from) */
  proposalOffset: number;
}

/** Where a stretch of the merged text comes from. */
export interface MergePiece {
  text: string;
  source: 'current' | 'proposal';
  /** offset of `text` in its source */
  offset: number;
}

/** A proposal change that overlaps a change made to the clause since the base was taken. */
export interface MergeConflict {
  base: string;
  current: string;
  proposal: string;
}

export type MergeState =
  /** the clause is as it was when the amendment was tabled */
  | 'unchanged'
  /** the clause changed, and the proposal's changes do not touch what changed */
  | 'clean'
  /** the clause changed where the proposal changes it too */
  | 'conflict';

export interface MergeResult {
  state: MergeState;
  /** the proposal's changes on top of the current text (empty on conflict) */
  edits: TextEdit[];
  /** the current text with `edits` made (the current text on conflict) */
  text: string;
  pieces: MergePiece[];
  conflicts: MergeConflict[];
}

/**
 * Whether two changes touch the same words. An insertion at the edge of a replaced or deleted
 * stretch counts (as in diff3): whether it belongs before or after is for a person to say.
 */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start <= b.end;
  if (b.start === b.end) return a.start <= b.start && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function sameHunk(a: Hunk, b: Hunk): boolean {
  return a.start === b.start && a.end === b.end && a.insert.join('') === b.insert.join('');
}

const length = (tokens: readonly string[]) => tokens.reduce((sum, token) => sum + token.length, 0);

/**
 * Word-level three-way merge of an amendment (diff3 over word tokens): base → current (what the
 * clause became since tabling) against base → proposal. A proposal change that the current text
 * made identically is already there; one that overlaps a different change is a conflict (two
 * insertions at one point too); the others are placed in the current text. Pure.
 */
export function threeWayMerge(base: string, current: string, proposal: string): MergeResult {
  const baseTokens = wordTokens(base);
  const ours = tokenHunks(baseTokens, wordTokens(current));
  const theirs = tokenHunks(baseTokens, wordTokens(proposal));
  const edits: TextEdit[] = [];
  const conflicts: MergeConflict[] = [];
  let proposalShift = 0;
  for (const hunk of theirs) {
    const proposalOffset = hunk.from + proposalShift;
    const insert = hunk.insert.join('');
    proposalShift += insert.length - (hunk.to - hunk.from);
    if (ours.some((other) => sameHunk(other, hunk))) continue;
    const hit = ours.filter((other) => overlaps(other, hunk));
    if (hit.length > 0) {
      conflicts.push({
        base: base.slice(hunk.from, hunk.to),
        current: hit.map((other) => other.insert.join('')).join(' … '),
        proposal: insert,
      });
      continue;
    }
    // current's changes before this one (an insertion at the same point counts as before)
    let shift = 0;
    for (const other of ours) {
      if (other.end <= hunk.start && !(other.start === hunk.start && other.end > other.start))
        shift += length(other.insert) - (other.to - other.from);
    }
    edits.push({ from: hunk.from + shift, to: hunk.to + shift, insert, proposalOffset });
  }
  const state: MergeState = conflicts.length > 0 ? 'conflict' : ours.length === 0 ? 'unchanged' : 'clean';
  if (state === 'conflict') {
    return { state, edits: [], text: current, pieces: piecesOf(current, []), conflicts };
  }
  const pieces = piecesOf(current, edits);
  return { state, edits, text: pieces.map((piece) => piece.text).join(''), pieces, conflicts };
}

/** The current text with the edits made, as pieces naming where each stretch comes from. */
export function piecesOf(current: string, edits: readonly TextEdit[]): MergePiece[] {
  const pieces: MergePiece[] = [];
  let at = 0;
  for (const edit of edits) {
    if (edit.from > at) pieces.push({ text: current.slice(at, edit.from), source: 'current', offset: at });
    if (edit.insert) pieces.push({ text: edit.insert, source: 'proposal', offset: edit.proposalOffset });
    at = Math.max(at, edit.to);
  }
  if (at < current.length) pieces.push({ text: current.slice(at), source: 'current', offset: at });
  return pieces;
}

/** Whether two amendments' changes to the same current text touch the same words. */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => overlaps({ start: x.from, end: x.to }, { start: y.from, end: y.to })));
}
