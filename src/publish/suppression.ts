import { conditionRefs, type Condition } from './conditions.js';
import type { Figure } from './indicators/figure.js';
import type { Indicator } from './indicators/schema.js';

export type Audience = 'public' | 'admin';

export const DEFAULT_K = 5;
/** Below 3 structures a published figure lets any two of them deduce the third's answer. */
export const MIN_K = 3;
/** Dominance rule: a sum or mean where one structure holds more than this share of the total is hidden. */
export const DOMINANCE_LIMIT = 0.85;

export interface SuppressionOptions {
  k?: number;
  audience?: Audience;
  lang?: Lang;
}

/** The rule as printed in a document's method note. */
export function methodNote(k: number, lang: 'fr' | 'en' = 'fr'): string {
  return lang === 'fr'
    ? `Secret statistique : un chiffre qui repose sur moins de ${k} structures n'est pas publié (case « s »), ` +
        `de même qu'une part dont le complément concerne moins de ${k} structures, et un territoire dont la valeur ` +
        `se déduirait d'un total publié, du territoire parent, des autres territoires, des autres barres d'un graphique, d'un autre indicateur lié (même effectif, complément, somme des parties) ou d'une année précédente (suppression secondaire). ` +
        `Une somme ou une moyenne n'est pas publiée quand une seule structure en représente plus de ${DOMINANCE_LIMIT * 100} % (règle de dominance). ` +
        `Les valeurs individuelles (minimum, maximum) ne sont ` +
        `publiées que si le réseau l'a décidé. Les effectifs et parts tirés du seul registre (nombre de structures adhérentes, ` +
        `part en quartier prioritaire…) et les taux de participation ne révèlent aucune réponse et restent publiés.`
    : `Statistical confidentiality: a figure resting on fewer than ${k} structures is not published, nor a share whose ` +
        `complement concerns fewer than ${k} structures, nor a figure that could be deduced from a published ` +
        `total, the parent territory, the other territories, the other bars of a chart, a linked indicator (same count, complement, sum of parts) or a previous year (secondary suppression). ` +
        `A sum or mean where one structure holds more than ${DOMINANCE_LIMIT * 100} % of the total is not published (dominance rule). ` +
        `Individual values (minimum, maximum) are shown only when the network decided so. ` +
        `Registry-only counts and shares and participation rates reveal no answer and stay published.`;
}

const small = (n: number | undefined, k: number): boolean => n !== undefined && n > 0 && n < k;

type Lang = 'fr' | 'en';

/** Why a figure is hidden, in the document's language. */
export const REASONS = {
  individual: {
    fr: () => `valeur individuelle d'une structure (minimum ou maximum)`,
    en: () => `one structure's own value (minimum or maximum)`,
  },
  fewConcerned: {
    fr: (k: number) => `moins de ${k} structures concernées`,
    en: (k: number) => `fewer than ${k} structures concerned`,
  },
  smallBase: {
    fr: (k: number, n: number) => `repose sur moins de ${k} structures (${n})`,
    en: (k: number, n: number) => `rests on fewer than ${k} structures (${n})`,
  },
  fewMeet: {
    fr: (k: number) => `moins de ${k} structures remplissent la condition`,
    en: (k: number) => `fewer than ${k} structures meet the condition`,
  },
  complement: {
    fr: (k: number) =>
      `suppression secondaire : le complément (moins de ${k} structures) se déduirait de ce chiffre`,
    en: (k: number) => `secondary suppression: the complement (fewer than ${k} structures) could be deduced`,
  },
  dominance: {
    fr: () =>
      `une seule structure représente plus de ${DOMINANCE_LIMIT * 100} % du total (règle de dominance)`,
    en: () => `one structure holds more than ${DOMINANCE_LIMIT * 100} % of the total (dominance rule)`,
  },
  differencing: {
    fr: () =>
      'suppression secondaire : un chiffre masqué se déduirait de celui-ci (territoire parent, autres territoires ou complément)',
    en: () =>
      'secondary suppression: a hidden figure could be deduced from this one (parent territory, other territories or complement)',
  },
  linked: {
    fr: (label: string) => `suppression secondaire : le chiffre masqué « ${label} » se déduirait de celui-ci`,
    en: (label: string) =>
      `secondary suppression: the hidden figure "${label}" could be deduced from this one`,
  },
  cell: { fr: (k: number) => `moins de ${k} structures`, en: (k: number) => `fewer than ${k} structures` },
  total: {
    fr: () => 'suppression secondaire : se déduirait du total publié',
    en: () => 'secondary suppression: could be deduced from the published total',
  },
  otherTerritory: {
    fr: (names: string) =>
      `suppression secondaire : le chiffre d'un autre territoire (${names}) se déduirait de celui-ci et du total du réseau`,
    en: (names: string) =>
      `secondary suppression: another territory's figure (${names}) could be deduced from this one and the network total`,
  },
};

/**
 * Registry counts, participation rates and shares defined by registry attributes only reveal no
 * answer (the registry is public to the network): they are not subject to the rule.
 */
export function revealsNoAnswer(ind: Indicator): boolean {
  if (ind.kind !== 'count' && ind.kind !== 'participation' && ind.kind !== 'share') return false;
  const condition = ind.kind === 'share' ? conditionRefs(ind.condition).questions.length : 0;
  return conditionRefs(ind.where).questions.length === 0 && condition === 0;
}

function primaryReason(figure: Figure, ind: Indicator, k: number, lang: Lang): string | undefined {
  if (figure.value === null) return undefined;
  if (revealsNoAnswer(ind)) return undefined;
  if ((ind.kind === 'min' || ind.kind === 'max') && !ind.publishIndividualValue) {
    return REASONS.individual[lang]();
  }
  if (ind.kind === 'count') {
    return small(figure.base, k) ? REASONS.fewConcerned[lang](k) : undefined;
  }
  if (figure.base < k) return REASONS.smallBase[lang](k, figure.base);
  if (ind.kind === 'share' && small(figure.numerator, k)) return REASONS.fewMeet[lang](k);
  const additive =
    ind.kind === 'sum' || ind.kind === 'mean' || (ind.kind === 'change' && ind.statistic !== 'median');
  if (additive && (figure.dominance ?? 0) > DOMINANCE_LIMIT) return REASONS.dominance[lang]();
  return undefined;
}

function secondaryReason(figure: Figure, ind: Indicator, k: number, lang: Lang): string | undefined {
  if (ind.kind === 'share' && figure.numerator !== undefined && small(figure.base - figure.numerator, k)) {
    return REASONS.complement[lang](k);
  }
  return undefined;
}

export function suppressFigure(figure: Figure, reason: string): Figure {
  const { numerator: _n, counts: _c, valueLabel: _v, text: _t, change: _ch, dominance: _d, ...rest } = figure;
  return { ...rest, value: null, suppressed: { reason } };
}

export interface PartitionPart {
  key: string;
  count: number;
}

/**
 * Cells of a partition whose total is published (territories summing to the network). Cells under
 * k are hidden; if exactly one is hidden (or the hidden ones could be recovered by subtraction),
 * the smallest shown cell is hidden too so the total does not give them away.
 */
export function suppressPartition(
  parts: readonly PartitionPart[],
  k: number,
  lang: Lang = 'fr',
): Map<string, string> {
  const hidden = new Map<string, string>();
  for (const p of parts) if (small(p.count, k)) hidden.set(p.key, REASONS.cell[lang](k));
  if (
    hidden.size === 1 ||
    (hidden.size > 0 &&
      [...hidden.keys()].reduce((s, key) => s + (parts.find((p) => p.key === key)?.count ?? 0), 0) < k)
  ) {
    const candidates = parts
      .filter((p) => !hidden.has(p.key) && p.count > 0)
      .sort((a, b) => a.count - b.count);
    const next = candidates[0];
    if (next) hidden.set(next.key, REASONS.total[lang]());
  }
  return hidden;
}

/** Splits a `where` into its territory test (`<attribute> eq <value>`) and the rest of the condition. */
function splitTerritory(where: Condition | undefined): { attribute: string; rest: string } | undefined {
  if (!where) return undefined;
  const isTerritory = (c: Condition): c is { attribute: string; op: 'eq'; value: string } =>
    'attribute' in c && c.op === 'eq';
  if (isTerritory(where)) return { attribute: where.attribute, rest: '' };
  if (!('all' in where)) return undefined;
  const territory = where.all.filter(isTerritory);
  if (territory.length !== 1) return undefined;
  const others = where.all.filter((c) => c !== territory[0]);
  const rest = others.length === 0 ? '' : JSON.stringify(others.length === 1 ? others[0] : { all: others });
  return { attribute: territory[0]!.attribute, rest };
}

/**
 * Count figures that differ only by a territory test form a partition when another count gives
 * their total (same population, the rest of the condition as its `where`): protect them together.
 */
function partitionGroups(indicators: readonly Indicator[]): string[][] {
  const groups = new Map<string, string[]>();
  const totals = new Set(
    indicators
      .filter((i) => i.kind === 'count')
      .map((i) => `${i.kind === 'count' ? i.of : ''}|${i.where ? JSON.stringify(i.where) : ''}`),
  );
  for (const ind of indicators) {
    if (ind.kind !== 'count') continue;
    const split = splitTerritory(ind.where);
    if (!split || !totals.has(`${ind.of}|${split.rest}`)) continue;
    const key = `${ind.of}|${split.attribute}|${split.rest}`;
    groups.set(key, [...(groups.get(key) ?? []), ind.id]);
  }
  return [...groups.values()];
}

/** Applies the confidentiality rule to public outputs; administrators see everything. */
export function applySuppression(
  figures: readonly Figure[],
  indicators: readonly Indicator[],
  options: SuppressionOptions = {},
): Figure[] {
  if (options.audience === 'admin') return [...figures];
  const k = options.k ?? DEFAULT_K;
  const lang = options.lang ?? 'fr';
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out = figures.map((f) => {
    const ind = byId.get(f.id);
    if (!ind) return f;
    if (f.value === null || revealsNoAnswer(ind)) return f;
    const reason = primaryReason(f, ind, k, lang) ?? secondaryReason(f, ind, k, lang);
    return reason ? suppressFigure(f, reason) : f;
  });
  for (const ids of partitionGroups(indicators)) {
    const parts = ids.flatMap((id) => {
      // Cell sizes come from the unsuppressed figures: a hidden cell still counts in the total.
      const f = figures.find((x) => x.id === id);
      return f && typeof f.value === 'number' && !revealsNoAnswer(byId.get(id)!)
        ? [{ key: id, count: f.value }]
        : [];
    });
    for (const [id, reason] of suppressPartition(parts, k, lang)) {
      const i = out.findIndex((x) => x.id === id);
      if (i >= 0 && !out[i]!.suppressed) out[i] = suppressFigure(out[i]!, reason);
    }
  }
  return out;
}

/** The questions a non-additive figure is computed from, when another figure may give it back. */
function linkedQuestions(ind: Indicator): string[] {
  if (ind.kind === 'ratio') return [ind.numerator, ind.denominator];
  if (ind.kind === 'change') return [ind.question, ind.previousQuestion];
  return [];
}

/**
 * Ratios and changes are not additive, but with one of their two terms published they give the
 * other away (Σ budget ÷ Σ ETP and Σ ETP give Σ budget; a change and this year's mean give last
 * year's). A ratio or change beside a hidden figure on one of its questions (same population
 * filter) is hidden too.
 */
export function linkedNonAdditive(
  figures: readonly Figure[],
  indicators: readonly Indicator[],
  lang: Lang = 'fr',
): Map<string, string> {
  const shown = new Map(figures.map((f) => [f.id, f]));
  const hiddenTerms = indicators.filter(
    (i) => 'question' in i && shown.get(i.id)?.suppressed && ['sum', 'mean', 'median'].includes(i.kind),
  );
  const out = new Map<string, string>();
  for (const ind of indicators) {
    const questions = linkedQuestions(ind);
    const figure = shown.get(ind.id);
    if (!questions.length || !figure || figure.suppressed || figure.value === null) continue;
    const where = JSON.stringify(ind.where ?? null);
    const term = hiddenTerms.find(
      (h) => 'question' in h && questions.includes(h.question) && JSON.stringify(h.where ?? null) === where,
    );
    if (term) out.set(ind.id, REASONS.linked[lang](term.label));
  }
  return out;
}
