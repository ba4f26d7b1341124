import { asNumber } from '../conditions.js';
import type { Unit } from '../conditions.js';
import type { QuartileMethod } from '../../report/model.js';
import { quartiles } from '../../stats/quantiles.js';

// Small numeric helpers over already-filtered units; kept here so the publication stays pure.

export function numericValues(units: readonly Unit[], question: string): number[] {
  const out: number[] = [];
  for (const u of units) {
    const n = asNumber(u.data[question]);
    if (n !== undefined) out.push(n);
  }
  return out;
}

export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? sum(values) / values.length : null;
}

/** Quartile k (1, 2 = median, 3) of sorted values, with the statistics engine's methods. */
export function quartile(
  sorted: readonly number[],
  k: 1 | 2 | 3,
  method: QuartileMethod = 'minitab',
): number | null {
  const q = quartiles(sorted, method);
  return q ? (q[k - 1] ?? null) : null;
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number | null {
  return quartile(sortedCopy(values), 2);
}
