import { asNumber } from '../conditions.js';
import type { Unit } from '../conditions.js';

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

/**
 * Quantile of sorted values. minitab: position (n+1)p (the usual published quartiles);
 * excel: position (n-1)p+1 (QUARTILE.INC). The median is the same for both.
 */
export function quantile(sorted: readonly number[], p: number, method: 'minitab' | 'excel' = 'minitab'): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = method === 'minitab' ? (n + 1) * p : (n - 1) * p + 1;
  if (pos <= 1) return sorted[0]!;
  if (pos >= n) return sorted[n - 1]!;
  const lower = Math.floor(pos);
  const frac = pos - lower;
  return sorted[lower - 1]! + frac * (sorted[lower]! - sorted[lower - 1]!);
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number | null {
  return quantile(sortedCopy(values), 0.5);
}
