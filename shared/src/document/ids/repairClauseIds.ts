import type { JSONContent } from '@tiptap/core';
import { deriveClauseId } from './deriveClauseId.js';
import { planClauseIdFixes } from './planClauseIdFixes.js';
import { structuralNodesInJson } from './structuralNodesInJson.js';

export interface ClauseIdRepair {
  path: number[];
  nodeType: string;
  oldId: string | null;
  newId: string;
  reason: 'missing' | 'duplicate';
}

/**
 * Server-side repair of clause ids (duplicates from concurrent edits, missing ids from imports
 * or old clients). Pure and deterministic: the same input gives the same output on every
 * server, because new ids are derived from the old id (or the node's place) by a hash, never
 * drawn at random. Same rule as the editor: the first occurrence in document order keeps its id.
 * Returns a repaired deep copy; the input is not modified.
 */
export function repairClauseIds(json: JSONContent): { json: JSONContent; repairs: ClauseIdRepair[] } {
  const copy = structuredClone(json);
  const nodes = structuralNodesInJson(copy);
  const fixes = planClauseIdFixes(
    nodes.map(({ node }) => ({ id: node.attrs?.clauseId })),
    { idForMissing: (index) => deriveClauseId(`missing@${index}@${nodes[index]!.path.join('.')}`) },
  );
  const repairs = fixes.map((fix) => {
    const { node, path } = nodes[fix.index]!;
    node.attrs = { ...node.attrs, clauseId: fix.newId };
    return { path, nodeType: node.type ?? '', oldId: fix.oldId, newId: fix.newId, reason: fix.reason };
  });
  return { json: copy, repairs };
}
