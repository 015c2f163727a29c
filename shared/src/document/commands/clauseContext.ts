import type { ResolvedPos } from '@tiptap/pm/model';
import { NodeSelection, type EditorState } from '@tiptap/pm/state';

/**
 * The position commands reason from: the selection head, or — when a whole node is selected
 * (e.g. from the outline) — a position just inside that node, so "the article I'm in" also
 * means "the article I selected".
 */
export function clauseContext(state: EditorState): ResolvedPos {
  const { selection } = state;
  if (selection instanceof NodeSelection && !selection.node.isLeaf)
    return state.doc.resolve(selection.from + 1);
  return selection.$from;
}

/** Depth of the nearest ancestor of $pos whose type is one of `types`, or -1. */
export function ancestorDepth($pos: ResolvedPos, types: readonly string[]): number {
  for (let d = $pos.depth; d > 0; d--) if (types.includes($pos.node(d).type.name)) return d;
  return -1;
}
