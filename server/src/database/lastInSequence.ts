/**
 * The largest n for which `exists(n)` holds, in a sequence whose records are 1…N without gaps
 * (insert-only, never deleted), or 0 when there is none: doubling up from `from`, then halving.
 * O(log N) lookups, each by `_id` (see sequenceKey).
 */
export async function lastInSequence(exists: (n: number) => Promise<boolean>, from = 0): Promise<number> {
  let low = from;
  if (low > 0 && !(await exists(low))) low = 0;
  let step = 1;
  let high = low + step;
  while (await exists(high)) {
    low = high;
    step *= 2;
    high = low + step;
  }
  // low exists (or is 0), high does not
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await exists(middle)) low = middle;
    else high = middle;
  }
  return low;
}
