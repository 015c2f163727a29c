import { diffArrays } from 'diff';
import type { Hunk } from './Hunk.js';

/** The changes from `base` to `other` (token lists) as hunks, in order, never touching each other. */
export function tokenHunks(base: readonly string[], other: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  if (base.length === other.length && base.every((token, i) => token === other[i])) return hunks;
  let index = 0;
  let offset = 0;
  let open: Hunk | null = null;
  for (const part of diffArrays(base as string[], other as string[])) {
    if (part.added) {
      open ??= { start: index, end: index, insert: [], from: offset, to: offset };
      open.insert.push(...part.value);
    } else if (part.removed) {
      open ??= { start: index, end: index, insert: [], from: offset, to: offset };
      for (const token of part.value) offset += token.length;
      index += part.value.length;
      open.end = index;
      open.to = offset;
    } else {
      if (open) hunks.push(open);
      open = null;
      for (const token of part.value) offset += token.length;
      index += part.value.length;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}
