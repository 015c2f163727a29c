import type { Node as PMNode } from '@tiptap/pm/model';
import type { ClauseTreeAdapter } from './numberClauses.js';

/** A ProseMirror node with the position just before it (-1 for the document itself). */
export interface PositionedNode {
  node: PMNode;
  pos: number;
}

/** Reads a live ProseMirror document for numberClauses, keeping positions for decorations. */
export const pmTreeAdapter: ClauseTreeAdapter<PositionedNode> = {
  type: ({ node }) => node.type.name,
  clauseId: ({ node }) => node.attrs.clauseId,
  *children({ node, pos }) {
    if (node.isTextblock || node.isLeaf) return;
    let offset = pos + 1;
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      yield { node: child, pos: offset };
      offset += child.nodeSize;
    }
  },
};
