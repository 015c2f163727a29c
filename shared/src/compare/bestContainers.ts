import { inOrderOverlap } from './inOrderOverlap.js';

export interface Containment {
  whole: number;
  /** Words of the part found in the whole, in order. */
  overlap: number;
  /** overlap / words of the part. */
  share: number;
}

/**
 * For each part, the whole that contains most of its words in order, if at least `minShare` of
 * them and at least `minWords` words; null otherwise. Ties go to the earlier whole.
 *
 * Comparing every part with every whole would be quadratic in long documents, so an inverted
 * index (word → wholes holding it) first bounds each pair's overlap by the words they share,
 * counted with multiplicity; only pairs whose bound can reach the threshold get the exact
 * in-order measure, best bound first, stopping as soon as no bound can beat the best found.
 */
export function bestContainers(
  parts: readonly (readonly string[])[],
  wholes: readonly (readonly string[])[],
  minShare: number,
  minWords: number,
): (Containment | null)[] {
  const index = new Map<string, { whole: number; count: number }[]>();
  wholes.forEach((words, whole) => {
    for (const [word, count] of countWords(words)) {
      let postings = index.get(word);
      if (!postings) index.set(word, (postings = []));
      postings.push({ whole, count });
    }
  });

  const bound = new Int32Array(wholes.length);
  return parts.map((part) => {
    // a small epsilon so that e.g. 0.6 × 5 counts as 3, not 3.0000000000000004 → 4
    const needed = Math.max(minWords, Math.ceil(minShare * part.length - 1e-9));
    if (part.length === 0 || part.length < needed) return null;
    const touched: number[] = [];
    for (const [word, count] of countWords(part)) {
      for (const posting of index.get(word) ?? []) {
        if (bound[posting.whole] === 0) touched.push(posting.whole);
        bound[posting.whole]! += Math.min(count, posting.count);
      }
    }
    const candidates = touched
      .filter((whole) => bound[whole]! >= needed)
      .map((whole) => ({ whole, bound: bound[whole]! }))
      .sort((a, b) => b.bound - a.bound || a.whole - b.whole);
    for (const whole of touched) bound[whole] = 0;

    let best: Containment | null = null;
    for (const candidate of candidates) {
      if (best && candidate.bound <= best.overlap) break;
      const overlap = inOrderOverlap(part, wholes[candidate.whole]!);
      if (overlap >= needed && (!best || overlap > best.overlap)) {
        best = { whole: candidate.whole, overlap, share: overlap / part.length };
      }
    }
    return best;
  });
}

function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
