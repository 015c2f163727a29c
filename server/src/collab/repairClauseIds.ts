import * as Y from 'yjs';
import { STRUCTURAL_NODE_TYPES, deriveClauseId, planClauseIdFixes } from '@accord/shared';

const STRUCTURAL = new Set(STRUCTURAL_NODE_TYPES);

/** Structural elements of the editor's XmlFragment, in document order (pre-order). */
function structuralElements(fragment: Y.XmlFragment): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (STRUCTURAL.has(child.nodeName)) found.push(child);
      visit(child);
    }
  };
  visit(fragment);
  return found;
}

/**
 * Gives every structural node a unique clauseId, by the one rule the editors follow too
 * (shared planClauseIdFixes: the first in document order keeps an id, later duplicates get an id
 * derived from the old one and the position). Concurrent edits — two people splitting or pasting
 * at once — can create duplicates no single editor saw; the server fixes them deterministically,
 * so editors that fix the same duplicate write the same value. Returns how many it fixed.
 */
export function repairClauseIds(doc: Y.Doc, origin: unknown): number {
  const elements = structuralElements(doc.getXmlFragment('default'));
  const fixes = planClauseIdFixes(
    elements.map((element) => ({ id: element.getAttribute('clauseId') })),
    { idForMissing: (index) => deriveClauseId(`missing@${index}`) },
  );
  if (fixes.length === 0) return 0;
  doc.transact(() => {
    for (const fix of fixes) elements[fix.index]!.setAttribute('clauseId', fix.newId);
  }, origin);
  return fixes.length;
}

/**
 * Whether a transaction can have left two elements with one clauseId (or one without): only by
 * adding elements (split, paste, concurrent inserts) or by setting or removing a clauseId. Typing
 * changes text nodes only, and is by far the most common change.
 */
export function mayDuplicateClauseIds(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    if (type instanceof Y.XmlText) continue;
    if (keys.has(null) || keys.has('clauseId')) return true;
  }
  return false;
}
