import * as Y from 'yjs';
import { NODE } from '../document/nodeNames.js';
import type { ClauseTreeAdapter } from '../document/numbering/numberClauses.js';

// Inline content holds no clauses: not descending into textblocks keeps the walk small.
const TEXTBLOCKS = new Set<string>([NODE.paragraph, NODE.title, NODE.recital, NODE.clauseHeading]);

type YNode = Y.XmlFragment | Y.XmlElement;

/** Reads the Yjs XmlFragment of the editor directly for numberClauses (no JSON copy). */
export const yClauseTreeAdapter: ClauseTreeAdapter<YNode> = {
  type: (node) => (node instanceof Y.XmlElement ? node.nodeName : undefined),
  clauseId: (node) => (node instanceof Y.XmlElement ? node.getAttribute('clauseId') : undefined),
  children: (node) =>
    node instanceof Y.XmlElement && TEXTBLOCKS.has(node.nodeName)
      ? []
      : node.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement),
};
