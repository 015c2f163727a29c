import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from './comparisonTypes.js';

/**
 * Word diff of two texts as parts. `diffWordsWithSpace` rather than `diffWords`: it keeps every
 * space and line break in the parts, so joining them gives back both texts exactly.
 */
export function wordDiff(oldText: string, newText: string): DiffPart[] {
  if (oldText === newText) return oldText ? [{ value: oldText }] : [];
  if (!oldText) return [{ value: newText, added: true }];
  if (!newText) return [{ value: oldText, removed: true }];
  // drop jsdiff's `count` and false flags: the parts go over the wire and into exports
  return diffWordsWithSpace(oldText, newText).map(({ value, added, removed }) =>
    added ? { value, added: true } : removed ? { value, removed: true } : { value },
  );
}
