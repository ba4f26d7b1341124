import type { Figure } from './indicators/figure.js';
import { fillWording } from './indicators/wording.js';

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

export interface PreviousRun {
  /** Campaign label, e.g. "2019". */
  label: string;
  figures: readonly Figure[];
}

/**
 * Adds earlier campaigns' values (oldest first) and the change since the most recent one.
 * Percentages change in points, other numbers relatively (in %); ±2 is "stable" either way.
 */
export function attachTrends(
  figures: readonly Figure[],
  previous: readonly PreviousRun[],
  templates: ReadonlyMap<string, string | undefined>,
  lang: 'fr' | 'en' = 'fr',
): Figure[] {
  if (previous.length === 0) return [...figures];
  return figures.map((figure) => {
    const earlier = previous.map((run) => ({
      label: run.label,
      value: run.figures.find((f) => f.id === figure.id)?.value ?? null,
    }));
    const out: Figure = { ...figure, previous: earlier };
    const last = earlier[earlier.length - 1]!;
    if (figure.kind !== 'change' && typeof figure.value === 'number' && typeof last.value === 'number') {
      const change =
        figure.unit === '%' ? figure.value - last.value : relativeChange(figure.value, last.value);
      if (change !== null)
        out.change = { value: change, wording: changeWording(change, lang), since: last.label };
    }
    const template = templates.get(figure.id);
    if (template && out.value !== null) out.text = fillWording(template, out, lang);
    return out;
  });
}
