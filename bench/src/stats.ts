/** n, the chosen percentiles (`p50`, `p95`, …), max and mean of a set of samples. */
export type Summary<P extends number = 50 | 99> = { n: number } & { [K in P as `p${K}`]: number } & {
  max: number;
  mean: number;
};

/** The nearest-rank percentile `p` (0 < p ≤ 100) of samples sorted in ascending order. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!;
}

/**
 * The summary every benchmark reports: non-finite samples left out, percentiles by nearest rank,
 * each figure rounded to `digits` decimals when given (NaN when there are no samples).
 */
export function summarise<P extends number = 50 | 99>(
  samples: ArrayLike<number>,
  percentiles: readonly P[] = [50, 99] as unknown as P[],
  digits?: number,
): Summary<P> {
  const sorted = Float64Array.from(samples)
    .filter((v) => Number.isFinite(v))
    .sort();
  const n = sorted.length;
  const figure = (v: number) => (n === 0 ? NaN : digits === undefined ? v : round(v, digits));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const summary: Record<string, number> = { n };
  for (const p of percentiles) summary[`p${p}`] = figure(n === 0 ? NaN : percentile(sorted, p));
  summary.max = figure(sorted[n - 1]!);
  summary.mean = figure(sum / n);
  return summary as Summary<P>;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A growable list of numbers (latency samples) without per-sample allocation. */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export const round = (v: number, digits = 2): number =>
  Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v;
