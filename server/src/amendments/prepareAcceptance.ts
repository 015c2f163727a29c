import * as Y from 'yjs';
import {
  NODE,
  contentMarksAt,
  newClauseId,
  rebaseAmendment,
  type ClauseContent,
  type TextEdit,
} from '@accord/shared';
import { Conflict } from '../errors/ApiError.js';
import { InvalidProposal } from '../errors/InvalidProposal.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { readClauseBlocks, type ClauseBlocks, type TextSpot } from './clauseBlocks.js';
import { findClauseElement } from './findClauseElement.js';
import { markAttributes, runsByMarks } from './markAttributes.js';
import {
  checkClauseJson,
  childTypes,
  clauseJson,
  fitsContent,
  parentTypeOf,
  replacedChildTypes,
} from './clauseStructure.js';
import type { OpenAmendment } from './foldAmendment.js';

export interface Acceptance {
  /** the clause's wording when accepted (null for insertions) */
  base: ClauseContent | null;
  /** makes the change; call inside the transaction that read the document */
  apply: () => void;
}

/**
 * Works out how accepting an amendment changes the live document, and refuses (409) when it
 * cannot: the clause is gone, the proposal conflicts with changes made since, or the result would
 * not fit the schema. Changes nothing itself; `apply` makes the change as small as it can, word
 * by word in the clause's Y.XmlText, so what others typed elsewhere in the clause stays.
 */
export function prepareAcceptance(
  doc: Y.Doc,
  amendment: Pick<OpenAmendment, 'kind' | 'clauseId' | 'position' | 'clauseType' | 'base'>,
  proposal: ClauseContent | null,
): Acceptance {
  const fragment = doc.getXmlFragment(EDITOR_FIELD);
  const clause = findClauseElement(fragment, amendment.clauseId);
  if (!clause) throw new Conflict('The clause this amendment changes is no longer in the document.');
  const place = parentTypeOf(clause);
  if (!place) throw new Conflict('The clause this amendment changes is no longer in the document.');
  const siblings = place.parent.toArray();
  const index = siblings.indexOf(clause);

  if (amendment.kind === 'delete') {
    const remaining = siblings
      .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child !== clause)
      .map((child) => child.nodeName);
    if (!fitsContent(place.type, remaining))
      throw new Conflict('Deleting this clause would leave the clause around it incomplete.');
    const base = readClauseBlocks(clause).content;
    return { base, apply: () => place.parent.delete(index, 1) };
  }

  if (amendment.kind === 'insert') {
    if (!proposal || !amendment.clauseType) throw new InvalidProposal('An insertion needs the new clause.');
    const type = amendment.clauseType;
    const clauseId = newClauseId();
    checkJson(clauseJson(type, proposal, clauseId));
    const at = amendment.position === 'before' ? index : index + 1;
    const types = childTypes(place.parent);
    const elementIndex = siblings.slice(0, at).filter((child) => child instanceof Y.XmlElement).length;
    types.splice(elementIndex, 0, type);
    if (!fitsContent(place.type, types)) throw new InvalidProposal('A clause of this kind cannot go there.');
    return { base: null, apply: () => insertClause(place.parent, at, type, clauseId, proposal) };
  }

  if (!proposal || !amendment.base) throw new InvalidProposal('A replacement needs the proposed wording.');
  const blocks = readClauseBlocks(clause);
  const rebased = rebaseAmendment({ kind: 'replace', base: amendment.base, proposal }, blocks.content);
  if (rebased.state === 'conflict')
    throw new Conflict(
      'The clause changed where this amendment changes it; its author must revise it first.',
    );
  const located = rebased.merge!.edits.map((edit) => ({ edit, spot: spotFor(blocks.spots, edit) }));
  const wordByWord = located.every((entry) => entry.spot);
  if (!wordByWord) {
    const lines = rebased.merge!.text.split('\n').length - (blocks.heading ? 1 : 0);
    const paragraphs = clause.nodeName === NODE.recital ? 0 : lines;
    if (
      clause.nodeName !== NODE.recital &&
      !fitsContent(clause.nodeName, replacedChildTypes(clause, blocks.paragraphs, paragraphs))
    )
      throw new InvalidProposal('The clause would not fit the document with these paragraphs.');
  }
  return {
    base: blocks.content,
    apply: () => {
      for (const [key, value] of Object.entries(rebased.fields ?? {}))
        clause.setAttribute(key, value as never);
      if (wordByWord) applyEdits(located as { edit: TextEdit; spot: TextSpot }[], proposal);
      else rebuildBlocks(blocks, proposal, rebased.merge!.pieces);
    },
  };
}

function checkJson(json: Record<string, unknown>): void {
  try {
    checkClauseJson(json);
  } catch (error) {
    throw new InvalidProposal(`The proposal does not fit the document: ${(error as Error).message}`);
  }
}

function fillText(text: Y.XmlText, runs: ClauseContent['paragraphs'][number]): void {
  let at = 0;
  for (const run of runs) {
    text.insert(at, run.text, markAttributes(run.marks));
    at += run.text.length;
  }
}

function textBlock(name: string, runs: ClauseContent['paragraphs'][number]): Y.XmlElement {
  const element = new Y.XmlElement(name);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  fillText(text, runs);
  return element;
}

function insertClause(
  parent: Y.XmlFragment | Y.XmlElement,
  at: number,
  type: string,
  clauseId: string,
  content: ClauseContent,
): void {
  const element = new Y.XmlElement(type);
  parent.insert(at, [element]);
  element.setAttribute('clauseId', clauseId);
  if (content.fields) {
    for (const [key, value] of Object.entries(content.fields)) element.setAttribute(key, value as never);
  }
  if (type === NODE.recital) {
    const text = new Y.XmlText();
    element.insert(0, [text]);
    fillText(
      text,
      content.paragraphs.flatMap((p, i) => (i > 0 ? [{ text: ' ' }, ...p] : p)),
    );
    return;
  }
  const children: Y.XmlElement[] = [];
  if (content.heading) children.push(textBlock(NODE.clauseHeading, content.heading));
  for (const paragraph of content.paragraphs) children.push(textBlock(NODE.paragraph, paragraph));
  element.insert(0, children);
}

/** The text spot an edit falls in, when it stays inside one stretch of text (no line break). */
function spotFor(spots: readonly TextSpot[], edit: TextEdit): TextSpot | null {
  if (edit.insert.includes('\n')) return null;
  const isBreak = (spot: TextSpot) => spot.text === null && spot.childIndex === -1;
  if (spots.some((spot) => isBreak(spot) && spot.start >= edit.from && spot.start < edit.to)) return null;
  return (
    spots.find((spot) => !isBreak(spot) && spot.start <= edit.from && edit.to <= spot.start + spot.length) ??
    null
  );
}

/** The edits, word by word in the Y.XmlTexts, last first so that earlier offsets hold. */
function applyEdits(located: { edit: TextEdit; spot: TextSpot }[], proposal: ClauseContent): void {
  const proposalMarks = contentMarksAt(proposal);
  for (const { edit, spot } of [...located].reverse()) {
    let text = spot.text;
    if (!text) {
      text = new Y.XmlText();
      spot.block.insert(spot.childIndex, [text]);
    }
    const at = edit.from - spot.start;
    if (edit.to > edit.from) text.delete(at, edit.to - edit.from);
    let offset = at;
    for (const run of runsByMarks(edit.insert, (i) => proposalMarks(edit.proposalOffset + i))) {
      text.insert(offset, run.text, markAttributes(run.marks));
      offset += run.text.length;
    }
  }
}

/**
 * The proposal adds, removes or joins textblocks: the clause's own textblocks are written anew
 * from the merged text (marks from where each stretch came from). Text typed into them at the
 * same moment may be lost; the clause's id and the clauses inside it stay.
 */
function rebuildBlocks(
  blocks: ClauseBlocks,
  proposal: ClauseContent,
  pieces: { text: string; source: 'current' | 'proposal'; offset: number }[],
): void {
  const currentMarks = contentMarksAt(blocks.content);
  const proposalMarks = contentMarksAt(proposal);
  const lines: ClauseContent['paragraphs'] = [[]];
  for (const piece of pieces) {
    const marksAt = piece.source === 'current' ? currentMarks : proposalMarks;
    piece.text.split('\n').forEach((part, i, parts) => {
      let start = piece.offset;
      for (let k = 0; k < i; k++) start += parts[k]!.length + 1;
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push(...runsByMarks(part, (j) => marksAt(start + j)));
    });
  }
  const clause = blocks.clause;
  if (clause.nodeName === NODE.recital) {
    clause.delete(0, clause.length);
    const text = new Y.XmlText();
    clause.insert(0, [text]);
    fillText(
      text,
      lines.flatMap((line, i) => (i > 0 ? [{ text: ' ' }, ...line] : line)),
    );
    return;
  }
  if (blocks.heading) {
    const heading = blocks.heading;
    heading.delete(0, heading.length);
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    fillText(text, lines.shift() ?? []);
  }
  const children = clause.toArray();
  const own = blocks.paragraphs;
  let at = own.length > 0 ? children.indexOf(own[0]!) : blocks.heading ? 1 : 0;
  for (const paragraph of [...own].reverse()) {
    const i = clause.toArray().indexOf(paragraph);
    clause.delete(i, 1);
  }
  at = Math.min(at, clause.length);
  if (lines.length === 1 && lines[0]!.length === 0 && own.length === 0) return;
  clause.insert(
    at,
    lines.map((line) => textBlock(NODE.paragraph, line)),
  );
}
