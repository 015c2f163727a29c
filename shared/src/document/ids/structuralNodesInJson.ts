import type { JSONContent } from '@tiptap/core';
import { CLAUSE_KIND_BY_NODE } from '../clauseKinds.js';

export interface JsonClauseNode {
  node: JSONContent;
  /** Child indexes from the root to the node. */
  path: number[];
}

/** Structural (clauseId-carrying) nodes of a ProseMirror JSON tree, in document order. */
export function structuralNodesInJson(root: JSONContent): JsonClauseNode[] {
  const found: JsonClauseNode[] = [];
  const visit = (node: JSONContent, path: number[]): void => {
    if (node.type && Object.hasOwn(CLAUSE_KIND_BY_NODE, node.type)) found.push({ node, path });
    node.content?.forEach((child, i) => {
      if (child && typeof child === 'object' && child.type !== 'text') visit(child, [...path, i]);
    });
  };
  visit(root, []);
  return found;
}
