/**
 * Positions (ascending) of one longest strictly increasing subsequence of `values`, in
 * O(n log n) (patience sorting). Among equally long answers it keeps, at each length, the one
 * ending in the smallest value; for two swapped neighbours [.., 2, 1, ..] that keeps 1 and drops 2.
 */
export function longestIncreasingSubsequence(values: readonly number[]): number[] {
  // tails[k]: position of the smallest value ending an increasing run of length k + 1
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const result: number[] = Array.from({ length: tails.length }, () => 0);
  for (let k = tails.length - 1, i = tails[k] ?? -1; k >= 0; k--, i = previous[i]!) result[k] = i;
  return result;
}
