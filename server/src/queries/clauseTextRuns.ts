import * as Y from 'yjs';
import { Limits } from '@accord/shared';

/** A run of a clause's text as Yjs holds it: the client id and clocks it was written under. */
export interface TextRun {
  client: number;
  clock: number;
  length: number;
  /** null for deleted text (the server does not keep deleted characters) */
  text: string | null;
}

/**
 * The runs of text of a clause (the element with this clauseId in the editor's fragment), one
 * list per block of text (heading, paragraph) in document order, deleted runs in place. Null when
 * the document has no such clause. Marks are not text and are left out.
 */
export function clauseTextRuns(doc: Y.Doc, field: string, clauseId: string): TextRun[][] | null {
  const clause = findClause(doc.getXmlFragment(field), clauseId);
  if (!clause) return null;
  const blocks: TextRun[][] = [];
  const visit = (type: Y.XmlElement, depth: number) => {
    if (depth > Limits.documentNestingMax) return;
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) blocks.push(runsOf(child));
      else if (child instanceof Y.XmlElement) visit(child, depth + 1);
    }
  };
  visit(clause, 0);
  return blocks;
}

function runsOf(text: Y.XmlText): TextRun[] {
  const runs: TextRun[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    const { client, clock } = item.id;
    if (item.deleted) {
      // a deleted mark is one unit too; Yjs no longer tells the two apart once collected
      runs.push({ client, clock, length: item.length, text: null });
    } else if (item.content instanceof Y.ContentString) {
      runs.push({ client, clock, length: item.length, text: item.content.str });
    }
  }
  return runs;
}

function findClause(fragment: Y.XmlFragment, clauseId: string): Y.XmlElement | null {
  const todo: [Y.XmlFragment | Y.XmlElement, number][] = [[fragment, 0]];
  while (todo.length > 0) {
    const [type, depth] = todo.pop()!;
    if (depth > Limits.documentNestingMax) continue;
    for (const child of type.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.getAttribute('clauseId') === clauseId) return child;
      todo.push([child, depth + 1]);
    }
  }
  return null;
}
