import * as Y from 'yjs';
import { contentMarksAt, type ClauseContent, type MarkEdit, type TextEdit } from '@accord/shared';
import type { TextSpot } from './clauseBlocks.js';
import { formatText } from './formatText.js';
import { markAttributes, runsByMarks } from './markAttributes.js';

const isBreak = (spot: TextSpot) => spot.text === null && spot.childIndex === -1;

/** The text spot an edit falls in, when it stays inside one stretch of text (no line break). */
export function spotFor(spots: readonly TextSpot[], edit: TextEdit): TextSpot | null {
  if (edit.insert.includes('\n')) return null;
  if (spots.some((spot) => isBreak(spot) && spot.start >= edit.from && spot.start < edit.to)) return null;
  return (
    spots.find((spot) => !isBreak(spot) && spot.start <= edit.from && edit.to <= spot.start + spot.length) ??
    null
  );
}

/** The edits, word by word in the Y.XmlTexts, last first so that earlier offsets hold. */
export function applyTextEdits(located: { edit: TextEdit; spot: TextSpot }[], proposal: ClauseContent): void {
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

/** The proposal's formatting changes on words the clause keeps; before the text edits (offsets hold). */
export function applyMarkEdits(spots: readonly TextSpot[], edits: readonly MarkEdit[]): void {
  for (const edit of edits) {
    for (const spot of spots) {
      if (!spot.text) continue;
      const from = Math.max(edit.from, spot.start);
      const to = Math.min(edit.to, spot.start + spot.length);
      if (to > from) formatText(spot.text, from - spot.start, to - from, edit.marks);
    }
  }
}
