import { bestContainers, type Containment } from './bestContainers.js';

/** At least this share of the smaller side's words must be found, in order, in the larger. */
const MIN_SHARE = 0.6;
/** …and at least this many words: shorter texts match each other by chance too often. */
const MIN_WORDS = 4;

export interface SplitMergeInput {
  /** Words of each added clause. */
  added: readonly (readonly string[])[];
  /** Words of each removed clause's text. */
  removed: readonly (readonly string[])[];
  /** Clauses in both versions whose text changed: words deleted from and inserted into it. */
  changed: readonly { lost: readonly string[]; gained: readonly string[] }[];
}

export type SplitSource = { removed: number } | { changed: number };

export interface SplitMergeResult {
  /** An added clause whose text was mostly taken from a removed or changed clause. */
  splits: { added: number; from: SplitSource }[];
  /** A removed clause whose text mostly reappears in a changed clause's inserted text. */
  merges: { removed: number; into: number }[];
}

/**
 * Finds splits and merges by word overlap (indexes refer to the input lists).
 *
 * Split: an added clause is "split from" the removed or changed clause whose missing words (all
 * of a removed clause's words; the words deleted from a changed clause) contain at least 60 % and
 * at least 4 of the added clause's words, in order. A removed source needs at least two such new
 * clauses: one new clause holding a removed clause's text is a deletion and a re-insertion under a
 * new id (e.g. cut and paste), reported as added + removed. Merge: a removed clause is "merged
 * into" the changed clause whose inserted words contain at least 60 % and 4 of its words, in order.
 *
 * The pieces of a split, and the clauses merged into one, each take distinct words: claims on one
 * source (or one merged clause) are accepted best first only while their overlaps together fit
 * in its word count, so boilerplate shared by many clauses does not make extra pieces.
 */
export function detectSplitsAndMerges(input: SplitMergeInput): SplitMergeResult {
  const sources: { words: readonly string[]; ref: SplitSource }[] = [
    ...input.removed.map((words, removed) => ({ words, ref: { removed } })),
    ...input.changed.map(({ lost }, changed) => ({ words: lost, ref: { changed } })),
  ];
  const splitClaims = acceptClaims(
    bestContainers(
      input.added,
      sources.map((s) => s.words),
      MIN_SHARE,
      MIN_WORDS,
    ),
    sources.map((s) => s.words.length),
  );
  const splits: SplitMergeResult['splits'] = [];
  const splitRemoved = new Set<number>();
  for (const [source, parts] of splitClaims) {
    const ref = sources[source]!.ref;
    if ('removed' in ref) {
      if (parts.length < 2) continue;
      splitRemoved.add(ref.removed);
    }
    for (const added of parts) splits.push({ added, from: ref });
  }
  splits.sort((a, b) => a.added - b.added);

  // a removed clause already split into new clauses is not also merged somewhere
  const mergeable = input.removed.map((words, i) => (splitRemoved.has(i) ? [] : words));
  const mergeClaims = acceptClaims(
    bestContainers(
      mergeable,
      input.changed.map((c) => c.gained),
      MIN_SHARE,
      MIN_WORDS,
    ),
    input.changed.map((c) => c.gained.length),
  );
  const merges: SplitMergeResult['merges'] = [];
  for (const [into, removed] of mergeClaims) for (const r of removed) merges.push({ removed: r, into });
  merges.sort((a, b) => a.removed - b.removed);
  return { splits, merges };
}

/** Whole → the parts accepted for it, best share first, while their overlaps fit in the whole. */
function acceptClaims(found: (Containment | null)[], capacity: readonly number[]): Map<number, number[]> {
  const claims = new Map<number, { part: number; c: Containment }[]>();
  found.forEach((c, part) => {
    if (!c) return;
    let list = claims.get(c.whole);
    if (!list) claims.set(c.whole, (list = []));
    list.push({ part, c });
  });
  const accepted = new Map<number, number[]>();
  for (const [whole, list] of claims) {
    list.sort((a, b) => b.c.share - a.c.share || b.c.overlap - a.c.overlap || a.part - b.part);
    let used = 0;
    const parts: number[] = [];
    for (const { part, c } of list) {
      if (used + c.overlap > capacity[whole]!) continue;
      used += c.overlap;
      parts.push(part);
    }
    accepted.set(
      whole,
      parts.sort((a, b) => a - b),
    );
  }
  return accepted;
}
