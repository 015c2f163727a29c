import { NODE } from './nodeNames.js';

/** Kinds of clause the canonical rendering, numbering and comments talk about. */
export const CLAUSE_KINDS = [
  'recital',
  'chapter',
  'article',
  'paragraph',
  'point',
  'objective',
  'action',
  'annex',
] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/**
 * Structural node type → clause kind. Every node type listed here carries a `clauseId`.
 * The stored name `numberedParagraph` is reported as kind `paragraph` (the legal term).
 */
export const CLAUSE_KIND_BY_NODE: Readonly<Record<string, ClauseKind>> = {
  [NODE.recital]: 'recital',
  [NODE.chapter]: 'chapter',
  [NODE.article]: 'article',
  [NODE.numberedParagraph]: 'paragraph',
  [NODE.point]: 'point',
  [NODE.objective]: 'objective',
  [NODE.action]: 'action',
  [NODE.annex]: 'annex',
};

/** Node types that carry a clauseId. */
export const STRUCTURAL_NODE_TYPES: readonly string[] = Object.keys(CLAUSE_KIND_BY_NODE);

/**
 * Node types whose children can hold clauses. Walkers descend only into these (and into the
 * structural types), never into textblocks, which keeps a walk over a 100-article document cheap.
 */
export const CONTAINER_NODE_TYPES: ReadonlySet<string> = new Set([
  NODE.doc,
  NODE.preamble,
  NODE.chapter,
  NODE.article,
  NODE.numberedParagraph,
  NODE.point,
  NODE.objective,
  NODE.action,
  NODE.annex,
]);
