import type { NumericStats, QuartileMethod } from '../report/model.js';
import { select } from './select.js';

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
  return quartilesOf(sorted.length, (i) => sorted[i]!, method);
}

/** Quartiles of n sorted values read through `at(rank)` (0-based), so counts can stand for values. */
function quartilesOf(
  n: number,
  at: (rank: number) => number,
  method: QuartileMethod,
): [number, number, number] | null {
  if (n === 0) return null;
  return [
    quantileAt(n, at, position(1, n, method)),
    quantileAt(n, at, position(2, n, method)),
    quantileAt(n, at, position(3, n, method)),
  ];
}

function position(k: number, n: number, method: QuartileMethod): number {
  return method === 'excel' ? 1 + (k * (n - 1)) / 4 : (k * (n + 1)) / 4;
}

function quantileAt(n: number, at: (rank: number) => number, p: number): number {
  if (p < 1) return at(0);
  if (p >= n) return at(n - 1);
  const lower = Math.floor(p);
  const fraction = p - lower;
  const a = at(lower - 1);
  if (fraction === 0) return a;
  return a + fraction * (at(lower) - a);
}

const EMPTY_STATS: NumericStats = Object.freeze({
  count: 0,
  sum: null,
  mean: null,
  sd: null,
  min: null,
  q1: null,
  median: null,
  q3: null,
  max: null,
});

/** From this size on, quartiles come from selection instead of a full sort. */
export const SELECTION_THRESHOLD = 2_048;

/**
 * Summary of a sample (any order; reordered in place when it is a Float64Array). Up to
 * SELECTION_THRESHOLD values it is sorted and summed in ascending order; beyond, the quartiles
 * come from quickselect (the same order statistics, in linear time) and sums run in input order,
 * which may differ from the sorted-order sum in the last bits only.
 */
export function numericStats(values: ArrayLike<number>, method: QuartileMethod): NumericStats {
  if (values.length >= SELECTION_THRESHOLD && !hasNaN(values)) {
    return selectedStats(values instanceof Float64Array ? values : Float64Array.from(values), method);
  }
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { ...EMPTY_STATS };
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

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

function selectedStats(a: Float64Array, method: QuartileMethod): NumericStats {
  const n = a.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - mean;
    squares += d * d;
  }
  // quartilesOf asks for ranks in ascending order: each selection starts where the last one
  // left its value, as everything before it is already smaller or equal.
  let last = 0;
  const q = quartilesOf(
    n,
    (rank) => {
      const value = select(a, rank, rank >= last ? last : 0);
      last = rank;
      return value;
    },
    method,
  )!;
  return {
    count: n,
    sum,
    mean,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    min,
    q1: q[0],
    median: q[1],
    q3: q[2],
    max,
  };
}

/**
 * The same summary as `numericStats` of the sample where `values[i]` occurs `counts[i]` times, in
 * constant memory: closed questions with numeric choices (ratings) keep counts, not one number
 * per answer. Sums run in ascending order, one addition per answer, so every figure is
 * bit-for-bit the one `numericStats` gives on the expanded sample.
 */
export function numericStatsOfCounts(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  method: QuartileMethod,
): NumericStats {
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) if (counts[i]! > 0) distinct.push(i);
  distinct.sort((a, b) => values[a]! - values[b]!);
  const sortedValues = Float64Array.from(distinct, (i) => values[i]!);
  const ends = new Float64Array(distinct.length);
  let n = 0;
  distinct.forEach((i, k) => (ends[k] = n += counts[i]!));
  if (n === 0) return { ...EMPTY_STATS };
  let sum = 0;
  for (let k = 0; k < sortedValues.length; k++) {
    const v = sortedValues[k]!;
    for (let c = ends[k]! - (k > 0 ? ends[k - 1]! : 0); c > 0; c--) sum += v;
  }
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < sortedValues.length; k++) {
    const d = sortedValues[k]! - mean;
    for (let c = ends[k]! - (k > 0 ? ends[k - 1]! : 0); c > 0; c--) squares += d * d;
  }
  const at = (rank: number) => {
    let k = 0;
    while (ends[k]! <= rank) k++;
    return sortedValues[k]!;
  };
  const q = quartilesOf(n, at, method)!;
  return {
    count: n,
    sum,
    mean,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    min: sortedValues[0]!,
    q1: q[0],
    median: q[1],
    q3: q[2],
    max: sortedValues[sortedValues.length - 1]!,
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
