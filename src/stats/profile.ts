import { percentOf } from '../report/format.js';
import type { StatsProfile } from '../report/model.js';

export type { StatsProfile };
export const STATS_PROFILES = ['panorama', 'limesurvey'] as const satisfies readonly StatsProfile[];

/**
 * Rounds half away from zero on the number's shortest decimal representation (what `String`
 * prints), as PHP's `sprintf("%01.2f")` and `round($x, 2)` do on the figures LimeSurvey prints:
 * 1.005 → 1.01, 0.125 → 0.13, 3.125 → 3.13, 33.33499999999999 → 33.33. Rounding the binary
 * value instead (`toFixed`) gives 1.00 for 1.005, whose double is 1.00499999999999989…
 */
export function roundDecimalHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value) || value === 0) return value === 0 ? 0 : value;
  const abs = Math.abs(value);
  if (abs >= 1e21) return value;
  // Below 1e-6 String() switches to exponent notation; such values round to 0 at ≤ 6 decimals.
  if (abs < 1e-6) return 0;
  const text = String(abs);
  const dot = text.indexOf('.');
  if (dot < 0 || text.length - dot - 1 <= decimals) return value;
  const digits = text.slice(0, dot) + text.slice(dot + 1, dot + 1 + decimals);
  let kept = BigInt(digits);
  if (text.charCodeAt(dot + 1 + decimals) >= 0x35 /* '5' */) kept += 1n;
  const padded = kept.toString().padStart(decimals + 1, '0');
  const rounded = Number(`${padded.slice(0, padded.length - decimals)}.${padded.slice(-decimals)}`);
  return value < 0 ? -rounded : rounded;
}

/** The percentage LimeSurvey prints: (count / base) × 100 through sprintf("%01.2f"). */
export function limesurveyPercent(count: number, base: number): number | null {
  return base > 0 ? roundDecimalHalfUp((count / base) * 100, 2) : null;
}

/** count / base × 100 to 2 decimals in the profile's way; null for a zero base. */
export function percentFor(profile: StatsProfile): (count: number, base: number) => number | null {
  return profile === 'limesurvey' ? limesurveyPercent : percentOf;
}
