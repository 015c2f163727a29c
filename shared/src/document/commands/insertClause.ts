import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { ancestorDepth, clauseContext } from './clauseContext.js';
import { newClauseNode, type InsertableKind } from './newClauseNode.js';

/** Where a new clause of some kind goes, tried in order: after / at the end of an enclosing node. */
type Placement = { after: string } | { appendTo: string } | { topLevel: true };

const PLACEMENTS: Record<InsertableKind, Placement[]> = {
  chapter: [{ after: NODE.chapter }, { topLevel: true }],
  article: [{ after: NODE.article }, { appendTo: NODE.chapter }, { topLevel: true }],
  paragraph: [{ after: NODE.numberedParagraph }, { appendTo: NODE.article }, { appendTo: NODE.annex }],
  point: [
    { after: NODE.point },
    { appendTo: NODE.numberedParagraph },
    { appendTo: NODE.article },
    { appendTo: NODE.annex },
  ],
  objective: [{ after: NODE.objective }, { topLevel: true }],
  action: [{ after: NODE.action }, { appendTo: NODE.objective }],
  annex: [{ after: NODE.annex }, { topLevel: true }],
};

function fits(doc: PMNode, pos: number, node: PMNode): boolean {
  const $pos = doc.resolve(pos);
  const index = $pos.index();
  return $pos.parent.canReplaceWith(index, index, node.type);
}

/**
 * Inserts an empty clause of `kind` next to the cursor — after the enclosing clause of the same
 * kind, else at the end of the enclosing container, else after the current top-level block (or
 * at the end of the document) — and puts the cursor in it. Returns false where the kind cannot go.
 */
export function insertClause(kind: InsertableKind): Command {
  return (state, dispatch) => {
    const node = newClauseNode(state.schema, kind);
    const $ctx = clauseContext(state);
    let target: number | null = null;
    for (const placement of PLACEMENTS[kind]) {
      const candidates: number[] = [];
      if ('topLevel' in placement) {
        if ($ctx.depth >= 1) candidates.push($ctx.after(1));
        candidates.push(state.doc.content.size);
      } else {
        const type = 'after' in placement ? placement.after : placement.appendTo;
        const d = ancestorDepth($ctx, [type]);
        if (d > 0) candidates.push('after' in placement ? $ctx.after(d) : $ctx.end(d));
      }
      target = candidates.find((pos) => fits(state.doc, pos, node)) ?? null;
      if (target !== null) break;
    }
    if (target === null) return false;
    if (dispatch) {
      const tr = state.tr.insert(target, node);
      tr.setSelection(TextSelection.near(tr.doc.resolve(target + 1))).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
