import type { NumericStats, QuartileMethod, StatsProfile } from '../report/model.js';
import { interpolate, moments, standardDeviation } from './moments.js';
import { roundDecimalHalfUp } from './profile.js';
import { select } from './select.js';

/**
 * Quartiles of values sorted ascending, by position p (1-based rank) with linear interpolation.
 *
 * - `minitab` (LimeSurvey's default, R type 6): p = k(n+1)/4.
 * - `excel` (QUARTILE.INC, R type 7): p = 1 + k(n−1)/4.
 *
 * Then p < 1 → v1; p ≥ n → vn; integer p → v_p; else v⌊p⌋ + (p−⌊p⌋)(v⌊p⌋+1 − v⌊p⌋).
 *
 * Small n: LimeSurvey 6 (statistics_helper) prints no Q1/Q3 below 4 values and no median below
 * 2 — profile "limesurvey" leaves them null (see `numericStats`). Panorama's profile clamps to the
 * sample (R type 6 as defined by Hyndman & Fan), which agrees with LimeSurvey wherever LimeSurvey
 * prints a value — the published tables (n = 84, 86) included.
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
  return interpolate(a, at(lower), fraction);
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
 * which may differ from the sorted-order sum in the last bits only. Sums are compensated and
 * scaled (moments.ts): no term is lost and nothing overflows before the figures themselves do.
 *
 * Profile "panorama": sample standard deviation (n − 1), every quartile. Profile "limesurvey":
 * population standard deviation, Q1/Q3 left out (null) below 4 values and the median below 2,
 * mean and standard deviation rounded as PHP's round($x, 2) — the figures LimeSurvey prints. The
 * caller leaves zeros out for that profile (LimeSurvey's query skips them).
 */
export function numericStats(
  values: ArrayLike<number>,
  method: QuartileMethod,
  profile: StatsProfile = 'panorama',
): NumericStats {
  if (values.length >= SELECTION_THRESHOLD && !hasNaN(values)) {
    return selectedStats(
      values instanceof Float64Array ? values : Float64Array.from(values),
      method,
      profile,
    );
  }
  const sorted = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) return { ...EMPTY_STATS };
  const q = quartiles(sorted, method)!;
  return summary(moments(sorted), sorted[0]!, sorted[n - 1]!, q, profile);
}

function summary(
  m: ReturnType<typeof moments>,
  min: number,
  max: number,
  q: [number, number, number],
  profile: StatsProfile,
): NumericStats {
  const n = m.n;
  if (profile === 'limesurvey') {
    const sd = standardDeviation(m, 'population');
    return {
      count: n,
      sum: m.sum,
      mean: roundDecimalHalfUp(m.mean, 2),
      sd: sd === null ? null : roundDecimalHalfUp(sd, 2),
      min,
      q1: n < 4 ? null : q[0],
      median: n < 2 ? null : q[1],
      q3: n < 4 ? null : q[2],
      max,
    };
  }
  return {
    count: n,
    sum: m.sum,
    mean: m.mean,
    // Sample standard deviation (n − 1), as spreadsheets compute it.
    sd: standardDeviation(m, 'sample'),
    min,
    q1: q[0],
    median: q[1],
    q3: q[2],
    max,
  };
}

function hasNaN(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

function selectedStats(a: Float64Array, method: QuartileMethod, profile: StatsProfile): NumericStats {
  const n = a.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const m = moments(a);
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
  return summary(m, min, max, q, profile);
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
  profile: StatsProfile = 'panorama',
): NumericStats {
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) if (counts[i]! > 0) distinct.push(i);
  distinct.sort((a, b) => values[a]! - values[b]!);
  const sortedValues = Float64Array.from(distinct, (i) => values[i]!);
  const sortedCounts = Float64Array.from(distinct, (i) => counts[i]!);
  const ends = new Float64Array(distinct.length);
  let n = 0;
  distinct.forEach((i, k) => (ends[k] = n += counts[i]!));
  if (n === 0) return { ...EMPTY_STATS };
  const at = (rank: number) => {
    let k = 0;
    while (ends[k]! <= rank) k++;
    return sortedValues[k]!;
  };
  const q = quartilesOf(n, at, method)!;
  return summary(
    moments(sortedValues, sortedCounts),
    sortedValues[0]!,
    sortedValues[sortedValues.length - 1]!,
    q,
    profile,
  );
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
