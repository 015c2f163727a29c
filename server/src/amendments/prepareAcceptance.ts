import * as Y from 'yjs';
import {
  NODE,
  contentMarksAt,
  marksAfterEdits,
  newClauseId,
  rebaseAmendment,
  type ClauseContent,
  type TextEdit,
} from '@accord/shared';
import { Conflict } from '../errors/ApiError.js';
import { InvalidProposal } from '../errors/InvalidProposal.js';
import { EDITOR_FIELD } from '../structure/encodeInitialState.js';
import { readClauseBlocks, type TextSpot } from './clauseBlocks.js';
import { findClauseElement } from './findClauseElement.js';
import {
  checkClauseJson,
  childTypes,
  clauseJson,
  fitsContent,
  parentTypeOf,
  replacedChildTypes,
} from './clauseStructure.js';
import type { OpenAmendment } from './foldAmendment.js';
import { applyMarkEdits, applyTextEdits, spotFor } from './applyTextEdits.js';
import { mergedLines } from './mergedLines.js';
import { applyReshape, planReshape, type Reshape } from './reshapeClause.js';
import { rebuildBlocks } from './rebuildBlocks.js';
import { fillText, textBlock } from './textBlock.js';

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
 * by word in the clause's Y.XmlTexts (paragraphs added or removed: only those, see planReshape),
 * so what others typed elsewhere in the clause stays.
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
    if (amendment.position === 'inside') {
      // a level down: the clause's last sub-clause
      if (!fitsContent(clause.nodeName, [...childTypes(clause), type]))
        throw new InvalidProposal('A clause of this kind cannot go inside that clause.');
      return { base: null, apply: () => insertClause(clause, clause.length, type, clauseId, proposal) };
    }
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
  const merge = rebased.merge!;
  const proposalMarks = contentMarksAt(proposal);
  const currentMarks = marksAfterEdits(contentMarksAt(blocks.content), rebased.marks);
  const located = merge.edits.map((edit) => ({ edit, spot: spotFor(blocks.spots, edit) }));
  const wordByWord = located.every((entry) => entry.spot);
  let reshape: Reshape | null = null;
  if (!wordByWord) {
    reshape = planReshape(blocks, mergedLines(merge.pieces, currentMarks, proposalMarks));
    const lines = merge.text.split('\n').length - (blocks.heading ? 1 : 0);
    const paragraphs = clause.nodeName === NODE.recital ? 0 : lines;
    if (
      !reshape &&
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
      if (wordByWord) {
        applyMarkEdits(blocks.spots, rebased.marks);
        applyTextEdits(located as { edit: TextEdit; spot: TextSpot }[], proposal);
      } else if (reshape) applyReshape(clause, reshape);
      else rebuildBlocks(blocks, merge.pieces, currentMarks, proposalMarks);
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
