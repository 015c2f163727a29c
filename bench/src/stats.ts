export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const n = samples.length;
  if (n === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return { n, p50: at(0.5), p99: at(0.99), max: sorted[n - 1]!, mean: sum / n };
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
