import { deriveClauseId } from './deriveClauseId.js';
import { isValidClauseId } from './base62.js';
import { newClauseId } from './newClauseId.js';

/** A structural node as seen by the id planner, in document (pre-)order. */
export interface ClauseIdSlot {
  /** The node's current clauseId attribute (anything; invalid values count as missing). */
  id: unknown;
}

export interface ClauseIdFix {
  /** Index of the slot in the list given to planClauseIdFixes. */
  index: number;
  oldId: string | null;
  newId: string;
  reason: 'missing' | 'duplicate';
}

export interface PlanOptions {
  /**
   * How to name a node that has no id. Default: random. The server passes a deterministic
   * namer so that two servers repairing the same stored state agree.
   */
  idForMissing?: (index: number) => string;
}

/**
 * The one rule for clause id uniqueness, shared by the editor plugin and the server repair:
 * walking in document order, the FIRST node holding an id keeps it; every later node with the
 * same id gets `deriveClauseId(oldId + '@' + index)` (deterministic), and nodes without a valid
 * id get a new one. New ids never collide with any id present in the document.
 */
export function planClauseIdFixes(slots: readonly ClauseIdSlot[], options: PlanOptions = {}): ClauseIdFix[] {
  const taken = new Set<string>();
  for (const slot of slots) if (isValidClauseId(slot.id)) taken.add(slot.id);
  const kept = new Set<string>();
  const fixes: ClauseIdFix[] = [];
  const unique = (candidate: string, seed: string): string => {
    let id = candidate;
    for (let attempt = 1; taken.has(id); attempt++) id = deriveClauseId(`${seed}#${attempt}`);
    taken.add(id);
    return id;
  };
  slots.forEach((slot, index) => {
    if (!isValidClauseId(slot.id)) {
      const candidate = options.idForMissing ? options.idForMissing(index) : newClauseId();
      const oldId = typeof slot.id === 'string' ? slot.id : null;
      fixes.push({ index, oldId, newId: unique(candidate, candidate), reason: 'missing' });
    } else if (kept.has(slot.id)) {
      const seed = `${slot.id}@${index}`;
      fixes.push({ index, oldId: slot.id, newId: unique(deriveClauseId(seed), seed), reason: 'duplicate' });
    } else {
      kept.add(slot.id);
    }
  });
  return fixes;
}
