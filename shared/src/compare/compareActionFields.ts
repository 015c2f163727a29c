import type { ActionFields } from '../document/render/renderCanonical.js';
import { ACTION_FIELD_NAMES, type ActionFieldChange } from './comparisonTypes.js';

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/**
 * The action fields that differ, field by field. Lists compare in order: putting another
 * organisation first as lead is a change. A missing side (the clause is absent, or not an action
 * there) counts as null, so an added action lists all its fields.
 */
export function compareActionFields(
  from: ActionFields | undefined,
  to: ActionFields | undefined,
): ActionFieldChange[] {
  if (!from && !to) return [];
  const changes: ActionFieldChange[] = [];
  for (const field of ACTION_FIELD_NAMES) {
    const a = from ? from[field] : null;
    const b = to ? to[field] : null;
    if (!from || !to || !same(a, b)) changes.push({ field, from: a, to: b });
  }
  return changes;
}
