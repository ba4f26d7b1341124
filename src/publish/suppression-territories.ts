import { evaluateIndicators } from './indicators/evaluate.js';
import type { IndicatorFile } from './indicators/schema.js';
import type { Campaign } from './input.js';
import { applySuppression, REASONS, revealsNoAnswer, suppressFigure } from './suppression.js';
import type { Figure } from './indicators/figure.js';

/**
 * Secondary suppression across the territories of one level. When a figure is hidden for a single
 * territory, the network figure and the other territories' brochures would give it back (a mean
 * from the network mean and the others' means and bases), so the smallest other territory loses
 * that figure too. Returns, per territory, the figures to hide and why.
 */
export function crossTerritorySuppression(
  campaign: Campaign,
  file: Pick<IndicatorFile, 'indicators'>,
  level: string,
  k: number,
  lang: 'fr' | 'en' = 'fr',
): Map<string, Map<string, string>> {
  const names = [
    ...new Set(
      (campaign.registry?.structures ?? []).map((s) => s.attributes[level]).filter((v): v is string => !!v),
    ),
  ];
  const perTerritory = names.map((name) => {
    const figures = applySuppression(
      evaluateIndicators(campaign.survey, campaign.responses, campaign.registry, file, {
        scope: { attribute: level, value: name },
        lang,
      }),
      file.indicators,
      { k, lang },
    );
    return { name, figures: new Map(figures.map((f) => [f.id, f])) };
  });
  const out = new Map<string, Map<string, string>>();
  for (const ind of file.indicators) {
    if (revealsNoAnswer(ind)) continue;
    const cells = perTerritory.map((t) => ({ name: t.name, figure: t.figures.get(ind.id)! }));
    const hidden = cells.filter((c) => c.figure.suppressed);
    if (hidden.length === 0) continue;
    const hiddenBase = hidden.reduce((sum, c) => sum + c.figure.base, 0);
    if (hidden.length > 1 && hiddenBase >= k) continue;
    const next = cells
      .filter((c) => !c.figure.suppressed && c.figure.value !== null)
      .sort((a, b) => a.figure.base - b.figure.base)[0];
    if (!next) continue;
    const reasons = out.get(next.name) ?? new Map<string, string>();
    reasons.set(ind.id, REASONS.otherTerritory[lang](hidden.map((h) => h.name).join(', ')));
    out.set(next.name, reasons);
  }
  return out;
}

export function applyCrossTerritory(
  figures: Figure[],
  reasons: ReadonlyMap<string, string> | undefined,
): Figure[] {
  if (!reasons) return figures;
  return figures.map((f) => (reasons.has(f.id) && !f.suppressed ? suppressFigure(f, reasons.get(f.id)!) : f));
}
