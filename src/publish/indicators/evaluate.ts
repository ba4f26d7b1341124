import type { SurveyModel } from '../../survey/model.js';
import { NONE_VALUE, OTHER_VALUE } from '../../survey/model.js';
import type { Registry, ResponseRecord } from '../../survey/records.js';
import { matches, asNumber, type Unit } from '../conditions.js';
import type { Figure } from './figure.js';
import { numericValues, sum, mean, median, quartile, sortedCopy } from './numeric.js';
import type { Indicator, IndicatorFile } from './schema.js';
import { buildUnits, type Scope, type UnitSets } from './units.js';
import { fillWording } from './wording.js';
import { changeWording, relativeChange } from '../trends.js';

export interface EvaluateOptions {
  scope?: Scope;
  lang?: 'fr' | 'en';
}

type Computed = Pick<
  Figure,
  'value' | 'base' | 'numerator' | 'counts' | 'valueLabel' | 'change' | 'dominance'
>;

/** Largest single contribution over the total of absolute values (the dominance rule's measure). */
function dominanceOf(values: readonly number[]): number | undefined {
  const total = values.reduce((s, v) => s + Math.abs(v), 0);
  if (total === 0) return undefined;
  return Math.max(...values.map(Math.abs)) / total;
}

function pct(numerator: number, base: number): number | null {
  return base > 0 ? (numerator / base) * 100 : null;
}

function choiceLabel(survey: SurveyModel, question: string, value: string): string {
  const q = survey.byName.get(question);
  if (value === OTHER_VALUE) return q?.otherText ?? value;
  if (value === NONE_VALUE) return q?.noneText ?? value;
  return q?.choices.find((c) => String(c.value) === value)?.label ?? value;
}

function countChoices(units: readonly Unit[], question: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const u of units) {
    const v = u.data[question];
    const values = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
    for (const x of new Set(values.map(String))) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return counts;
}

/** Most frequent first; ties keep the questionnaire's choice order so the result is stable. */
function rankChoices(survey: SurveyModel, question: string, counts: Map<string, number>): [string, number][] {
  const order = new Map((survey.byName.get(question)?.choices ?? []).map((c, i) => [String(c.value), i]));
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9) || a[0].localeCompare(b[0]),
  );
}

function joinLabels(labels: string[], lang: 'fr' | 'en'): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${labels[labels.length - 1]}`;
}

function compute(ind: Indicator, sets: UnitSets, survey: SurveyModel, lang: 'fr' | 'en'): Computed {
  const where = (units: Unit[]): Unit[] => (ind.where ? units.filter((u) => matches(ind.where, u)) : units);
  switch (ind.kind) {
    case 'count': {
      const units = where(sets[ind.of]);
      return { value: units.length, base: units.length };
    }
    case 'participation': {
      const registry = where(sets.structures);
      const responded = new Set(sets.respondents.map((r) => r.structure));
      const answered = registry.filter((s) => responded.has(s.structure)).length;
      return { value: pct(answered, registry.length), base: registry.length, numerator: answered };
    }
    case 'share': {
      const units = where(sets[ind.of]);
      const hits = units.filter((u) => matches(ind.condition, u)).length;
      return { value: pct(hits, units.length), base: units.length, numerator: hits };
    }
    case 'sum':
    case 'mean':
    case 'median':
    case 'min':
    case 'max': {
      const values = numericValues(where(sets[ind.of]), ind.question);
      const stat =
        ind.kind === 'sum'
          ? values.length
            ? sum(values)
            : null
          : ind.kind === 'mean'
            ? mean(values)
            : ind.kind === 'median'
              ? median(values)
              : values.length
                ? ind.kind === 'min'
                  ? Math.min(...values)
                  : Math.max(...values)
                : null;
      const dominance = ind.kind === 'sum' || ind.kind === 'mean' ? dominanceOf(values) : undefined;
      return { value: stat, base: values.length, ...(dominance !== undefined ? { dominance } : {}) };
    }
    case 'quartile': {
      const values = sortedCopy(numericValues(where(sets[ind.of]), ind.question));
      return { value: quartile(values, ind.quartile, ind.method), base: values.length };
    }
    case 'ratio': {
      const pairs: [number, number][] = [];
      for (const u of where(sets.responses)) {
        const n = asNumber(u.data[ind.numerator]);
        const d = asNumber(u.data[ind.denominator]);
        if (n !== undefined && d !== undefined && d !== 0) pairs.push([n, d]);
      }
      const factor = ind.percent ? 100 : 1;
      const value =
        pairs.length === 0
          ? null
          : ind.aggregate === 'sum'
            ? (sum(pairs.map((p) => p[0])) / sum(pairs.map((p) => p[1]))) * factor
            : (mean(pairs.map((p) => p[0] / p[1])) ?? 0) * factor;
      return { value, base: pairs.length };
    }
    case 'mode':
    case 'top': {
      const units = where(sets.responses);
      const counts = countChoices(units, ind.question);
      const keep = ind.kind === 'top' && ind.includeOther ? [NONE_VALUE] : [OTHER_VALUE, NONE_VALUE];
      const ranked = rankChoices(survey, ind.question, counts).filter(([v]) => !keep.includes(v));
      const chosen = ind.kind === 'mode' ? ranked.slice(0, 1) : ranked.slice(0, ind.n);
      const values = chosen.map(([v]) => v);
      return {
        value: chosen.length === 0 ? null : ind.kind === 'mode' ? values[0]! : values,
        base: units.filter((u) => !isBlank(u.data[ind.question])).length,
        numerator: chosen.length ? Math.min(...chosen.map(([, c]) => c)) : 0,
        counts: Object.fromEntries(ranked),
        valueLabel: joinLabels(
          values.map((v) => choiceLabel(survey, ind.question, v)),
          lang,
        ),
      };
    }
    case 'change': {
      const units = where(sets.responses);
      const stat = (vs: number[]): number | null =>
        ind.statistic === 'sum'
          ? vs.length
            ? sum(vs)
            : null
          : ind.statistic === 'mean'
            ? mean(vs)
            : median(vs);
      const nowValues = numericValues(units, ind.question);
      const beforeValues = numericValues(units, ind.previousQuestion);
      const value = relativeChange(stat(nowValues), stat(beforeValues));
      // A change of sums or means where one structure dominates either year is its own change.
      const dominance =
        ind.statistic === 'median'
          ? undefined
          : Math.max(dominanceOf(nowValues) ?? 0, dominanceOf(beforeValues) ?? 0);
      return {
        value,
        base: nowValues.length,
        ...(dominance ? { dominance } : {}),
        ...(value === null
          ? {}
          : { change: { value, wording: changeWording(value, lang), since: ind.previousQuestion } }),
      };
    }
  }
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Pure: (survey, responses, registry, indicators, options) → figures, in the file's order. */
export function evaluateIndicators(
  survey: SurveyModel,
  responses: readonly ResponseRecord[],
  registry: Registry | undefined,
  file: Pick<IndicatorFile, 'indicators'>,
  options: EvaluateOptions = {},
): Figure[] {
  const lang = options.lang ?? 'fr';
  const sets = buildUnits(responses, registry, options.scope);
  return file.indicators.map((ind) => {
    const computed = compute(ind, sets, survey, lang);
    const figure: Figure = {
      id: ind.id,
      label: ind.label,
      kind: ind.kind,
      unit: ind.unit,
      decimals: ind.decimals,
      ...computed,
    };
    if (ind.text) figure.text = fillWording(ind.text, figure, lang);
    return figure;
  });
}
