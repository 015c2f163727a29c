import { TextSelection, type Command } from '@tiptap/pm/state';
import { NODE } from '../nodeNames.js';
import { ancestorDepth, clauseContext } from './clauseContext.js';

// Nodes a clause never moves past: they are fixed at the start of their parent.
const ANCHORED = new Set<string>([NODE.title, NODE.preamble, NODE.clauseHeading]);

/**
 * Moves the enclosing clause of `type` (article, chapter, objective, action, …) one place up or
 * down among its siblings, as one node with all its content and ids: numbers follow because
 * they are computed. An article at the edge of its chapter moves into the neighbouring chapter
 * (last article of the previous one / first of the next one).
 *
 * Implemented as delete + insert, which is how a move reaches Yjs (it has no move operation):
 * text a collaborator types inside the article during the same instant can be lost.
 */
export function moveClause(type: string, direction: 'up' | 'down'): Command {
  return (state, dispatch) => {
    const $ctx = clauseContext(state);
    const d = ancestorDepth($ctx, [type]);
    if (d < 1) return false;
    const node = $ctx.node(d);
    const from = $ctx.before(d);
    const to = from + node.nodeSize;
    const parent = $ctx.node(d - 1);
    const index = $ctx.index(d - 1);
    let target: number | null = null; // insertion point in the ORIGINAL document

    if (direction === 'up' && index > 0 && !ANCHORED.has(parent.child(index - 1).type.name)) {
      target = from - parent.child(index - 1).nodeSize;
    } else if (direction === 'down' && index < parent.childCount - 1) {
      target = to + parent.child(index + 1).nodeSize;
    } else if (type === NODE.article && parent.type.name === NODE.chapter && d >= 2) {
      // cross into the neighbouring chapter
      const outer = $ctx.node(d - 2);
      const chapterIndex = $ctx.index(d - 2);
      let chapterPos = $ctx.before(d - 1);
      if (direction === 'up') {
        for (let i = chapterIndex - 1; i >= 0; i--) {
          const sibling = outer.child(i);
          chapterPos -= sibling.nodeSize;
          if (sibling.type.name === NODE.chapter) {
            target = chapterPos + sibling.nodeSize - 1;
            break;
          }
        }
      } else {
        chapterPos += parent.nodeSize;
        for (let i = chapterIndex + 1; i < outer.childCount; i++) {
          const sibling = outer.child(i);
          if (sibling.type.name === NODE.chapter) {
            target = chapterPos + 1 + sibling.child(0).nodeSize; // after its heading
            break;
          }
          chapterPos += sibling.nodeSize;
        }
      }
    }
    if (target === null) return false;

    const tr = state.tr.delete(from, to);
    const insertAt = tr.mapping.map(target);
    const $insert = tr.doc.resolve(insertAt);
    if (!$insert.parent.canReplaceWith($insert.index(), $insert.index(), node.type)) return false;
    if (dispatch) {
      tr.insert(insertAt, node);
      const offset = state.selection.from - from;
      tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + Math.max(1, offset)))).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}
