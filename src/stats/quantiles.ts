import type { NumericStats, QuartileMethod } from '../report/model.js';

/**
 * Quartiles of values sorted ascending, by position p (1-based rank) with linear interpolation.
 *
 * - `minitab` (LimeSurvey's default, R type 6): p = k(n+1)/4.
 * - `excel` (QUARTILE.INC, R type 7): p = 1 + k(n−1)/4.
 *
 * Then p < 1 → v1; p ≥ n → vn; integer p → v_p; else v⌊p⌋ + (p−⌊p⌋)(v⌊p⌋+1 − v⌊p⌋).
 *
 * Small n: LimeSurvey (statistics_helper) reads the two rows from offset max(⌊p⌋−1, 0) and
 * interpolates without clamping, so for n = 1 it prints Q1 = 1.5 × v1 and for n = 2 it prints
 * Q1 = v1 + 0.75(v2 − v1) instead of v1. Those are artefacts of its SQL LIMIT arithmetic, not a
 * method: we deliberately clamp to the sample (R type 6 as defined by Hyndman & Fan), which agrees
 * with LimeSurvey for every n ≥ 3 at Q1/median/Q3 — the published tables (n = 84, 86) included.
 */
export function quartiles(
  sorted: ArrayLike<number>,
  method: QuartileMethod,
): [number, number, number] | null {
  const n = sorted.length;
  if (n === 0) return null;
  return [
    quantileAt(sorted, position(1, n, method)),
    quantileAt(sorted, position(2, n, method)),
    quantileAt(sorted, position(3, n, method)),
  ];
}

function position(k: number, n: number, method: QuartileMethod): number {
  return method === 'excel' ? 1 + (k * (n - 1)) / 4 : (k * (n + 1)) / 4;
}

function quantileAt(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (p < 1) return sorted[0]!;
  if (p >= n) return sorted[n - 1]!;
  const lower = Math.floor(p);
  const fraction = p - lower;
  const a = sorted[lower - 1]!;
  if (fraction === 0) return a;
  return a + fraction * (sorted[lower]! - a);
}

/** Summary of a sample (any order; sorted in place when it is a Float64Array). */
export function numericStats(values: ArrayLike<number>, method: QuartileMethod): NumericStats {
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) {
    return {
      count: 0,
      sum: null,
      mean: null,
      sd: null,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
    };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i]! - mean;
    squares += d * d;
  }
  const q = quartiles(sorted, method)!;
  return {
    count: n,
    sum,
    mean,
    // Sample standard deviation (n − 1), as spreadsheets and LimeSurvey's exports compute it.
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    min: sorted[0]!,
    q1: q[0],
    median: q[1],
    q3: q[2],
    max: sorted[n - 1]!,
  };
}

/** Append-only Float64Array that doubles its capacity: no boxed number per answer. */
export class FloatBuffer {
  private data = new Float64Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values as a right-sized view (shares memory; sorting it reorders the buffer). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
