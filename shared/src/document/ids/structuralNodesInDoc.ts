import type { Node as PMNode } from '@tiptap/pm/model';
import { CLAUSE_KIND_BY_NODE } from '../clauseKinds.js';

/** Structural nodes of a ProseMirror document with their positions, in document order. */
export function structuralNodesInDoc(doc: PMNode): { node: PMNode; pos: number }[] {
  const found: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (Object.hasOwn(CLAUSE_KIND_BY_NODE, node.type.name)) found.push({ node, pos });
    // textblocks hold no clauses; skipping them keeps this walk proportional to the structure
    return !node.isTextblock;
  });
  return found;
}
