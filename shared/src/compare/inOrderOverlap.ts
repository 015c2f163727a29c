/**
 * How many words of `a` also appear in `b` in the same order (the length of their longest common
 * subsequence). Classic dynamic programming over one row, O(|a|·|b|) time, O(min) memory; only
 * called on candidate pairs that passed a cheaper bound (see `bestContainers`).
 */
export function inOrderOverlap(a: readonly string[], b: readonly string[]): number {
  const [outer, inner] = a.length >= b.length ? [a, b] : [b, a];
  if (inner.length === 0) return 0;
  const row = new Int32Array(inner.length + 1);
  for (const word of outer) {
    let diagonal = 0; // row[j - 1] of the previous outer word
    for (let j = 1; j <= inner.length; j++) {
      const above = row[j]!;
      row[j] = word === inner[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[inner.length]!;
}
