/** Within ±2 % a figure is called stable, as observatories usually word it. */
export const STABLE_THRESHOLD_PERCENT = 2;

/** Relative change in % from before to now; null when it cannot be computed. */
export function relativeChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

export function changeWording(change: number, lang: 'fr' | 'en' = 'fr'): string {
  if (Math.abs(change) <= STABLE_THRESHOLD_PERCENT) return lang === 'fr' ? 'stable' : 'stable';
  if (change > 0) return lang === 'fr' ? 'en hausse' : 'rising';
  return lang === 'fr' ? 'en baisse' : 'falling';
}
