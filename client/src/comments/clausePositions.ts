import type { Node as PMNode } from '@tiptap/pm/model';

const cache = new WeakMap<PMNode, Map<string, number>>();

/** Position of every clause (node with a clauseId) in a ProseMirror document; the first wins. */
export function clausePositions(doc: PMNode): Map<string, number> {
  let positions = cache.get(doc);
  if (positions) return positions;
  const found = new Map<string, number>();
  doc.descendants((node, pos) => {
    // inline content holds no clauses
    if (node.isTextblock) return false;
    const clauseId = node.attrs.clauseId as unknown;
    if (typeof clauseId === 'string' && clauseId && !found.has(clauseId)) found.set(clauseId, pos);
    return true;
  });
  positions = found;
  cache.set(doc, positions);
  return positions;
}
