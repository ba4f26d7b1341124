/**
 * Sum, mean and standard deviation that neither lose small terms nor overflow.
 *
 * - Compensated (Neumaier) summation: [1e16, 1, −1e16] sums to 1, not 0.
 * - Values are first divided by a power of two close to the largest magnitude. That division is
 *   exact, so for ordinary data every figure is bit-for-bit the unscaled one; near 1e308 it keeps
 *   the intermediate sums and squared deviations finite (values near 1e300 have a finite mean and
 *   standard deviation). The sum alone may truly exceed the largest double: it is then null.
 */
export interface Moments {
  /** Null when the exact sum is beyond ±1.8e308. */
  sum: number | null;
  mean: number;
  /** Sum of squared deviations divided by scale² (see `sd`). */
  squares: number;
  scale: number;
}

/** Running compensated sum (Neumaier's variant of Kahan summation). */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.compensation;
  }
}

/** The largest power of two not above `max` (1 for 0): dividing by it is exact. */
function powerOfTwoScale(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  let scale = 2 ** Math.floor(Math.log2(max));
  // log2 may round across a power of two at the extremes: keep scale ≤ max < 2·scale.
  if (scale > max) scale /= 2;
  else if (scale * 2 <= max) scale *= 2;
  return scale;
}

/**
 * Moments of the sample where `values[i]` occurs `counts[i]` times (once each without counts),
 * over the `n` occurrences. Each occurrence is one addition, in the order given, so a sample and
 * its counted form give the same bits when read in the same order.
 */
export function moments(values: ArrayLike<number>, counts?: ArrayLike<number>): Moments & { n: number } {
  let max = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const c = counts ? counts[i]! : 1;
    if (c <= 0) continue;
    n += c;
    const a = Math.abs(values[i]!);
    if (a > max) max = a;
  }
  const scale = powerOfTwoScale(max);
  const total = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]! / scale;
    for (let c = counts ? counts[i]! : 1; c > 0; c--) total.add(v);
  }
  const scaledSum = total.value();
  const scaledMean = n > 0 ? scaledSum / n : NaN;
  const squares = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! / scale - scaledMean;
    const d2 = d * d;
    for (let c = counts ? counts[i]! : 1; c > 0; c--) squares.add(d2);
  }
  const sum = scaledSum * scale;
  return {
    n,
    sum: Number.isFinite(sum) ? sum : null,
    mean: scaledMean * scale,
    squares: squares.value(),
    scale,
  };
}

/** Standard deviation from moments: sample (n − 1) or population (n) divisor. */
export function standardDeviation(
  m: Moments & { n: number },
  divisor: 'sample' | 'population',
): number | null {
  const d = divisor === 'sample' ? m.n - 1 : m.n;
  if (d <= 0) return null;
  return Math.sqrt(m.squares / d) * m.scale;
}

/** a + f(b − a) without overflowing when b − a is beyond the largest double. */
export function interpolate(a: number, b: number, f: number): number {
  const diff = b - a;
  if (Number.isFinite(diff)) return a + f * diff;
  return a * (1 - f) + b * f;
}
