import type { FigureValue } from '../indicators/figure.js';
import type { BrochureModel } from './model.js';

export interface FigureJson {
  id: string;
  label: string;
  value: FigureValue;
  unit: string;
  /** null when the figure is not published: the base of a hidden count would be its value. */
  base: number | null;
  text?: string;
  /** Why the figure is not published (value is then null). */
  reason?: string;
  previous?: { label: string; value: FigureValue }[];
  change?: { value: number; wording: string; since: string };
  /** Territorial brochures: the whole network's value. */
  network?: FigureValue;
}

/** The machine-readable brochure: every figure with its base, suppression reason and trend. */
export function brochureJson(model: BrochureModel) {
  return {
    title: model.title,
    territory: model.territory,
    audience: model.audience,
    k: model.k,
    responses: model.responses,
    figures: model.figures.map((f): FigureJson => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
      base: f.suppressed ? null : f.base,
      ...(f.text ? { text: f.text } : {}),
      ...(f.suppressed ? { reason: f.suppressed.reason } : {}),
      ...(f.previous ? { previous: f.previous } : {}),
      ...(f.change ? { change: f.change } : {}),
      ...(f.network !== undefined ? { network: f.network } : {}),
    })),
    territories: model.map.territories.map((t) => ({
      name: t.name,
      structures: t.structures,
      respondents: t.respondents,
    })),
    charts: model.sections.flatMap((s) =>
      s.charts.map((q) => ({
        question: q.name,
        title: q.title,
        base: q.base,
        multiple: !!q.multiple,
        // Hidden bars are left out (their labels are in the notes).
        bars: (q.rows ?? [])
          .filter((r) => r.percent !== null && r.rowKind !== 'no-answer' && r.rowKind !== 'not-displayed')
          .map((r) => ({ value: r.value, label: r.label, percent: r.percent })),
        notes: q.notes ?? [],
      })),
    ),
    methodNotes: model.methodNotes,
  };
}
