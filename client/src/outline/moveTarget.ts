import type { MovePlacement } from '@accord/shared';
import type { OutlineEntry } from './outlineEntries';

/**
 * Where "move up" / "move down" takes an outline entry: before the previous clause of its kind
 * (after it when that one is in another chapter or objective: the entry then crosses into it),
 * or after the next one. Null at either end.
 */
export function moveTarget(
  entries: OutlineEntry[],
  clauseId: string,
  direction: 'up' | 'down',
): { targetId: string; placement: MovePlacement } | null {
  const index = entries.findIndex((entry) => entry.clauseId === clauseId);
  const entry = entries[index];
  if (!entry) return null;
  const step = direction === 'up' ? -1 : 1;
  for (let i = index + step; i >= 0 && i < entries.length; i += step) {
    const other = entries[i]!;
    if (other.kind !== entry.kind) continue;
    const sameParent = other.parentId === entry.parentId;
    if (direction === 'up') return { targetId: other.clauseId, placement: sameParent ? 'before' : 'after' };
    return { targetId: other.clauseId, placement: sameParent ? 'after' : 'before' };
  }
  return null;
}
