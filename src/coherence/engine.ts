import type { Registry, ResponseRecord } from '../survey/records.js';
import type { QuestionDef, SurveyModel } from '../survey/model.js';
import { quartiles } from '../stats/quantiles.js';
import { formatAmount, formatNumber, formatPercent, quote, type MessageLang } from './format.js';
import type { Comparison, Rule, Severity } from './rules.js';

/**
 * The coherence engine: pure functions from (survey, responses, rules) to anomalies. No I/O: the
 * command line (src/cli/check.ts) and the application (src/app/coherence) feed it.
 */

export interface Anomaly {
  /** Response id. */
  response: string;
  /** Registry id of the structure, null for an anonymous response. */
  structure: string | null;
  /** The structure's name from the registry (its id when the registry does not know it). */
  structureName: string | null;
  rule: string;
  kind: Rule['kind'];
  severity: Severity;
  /** Names of the questions involved, the checked one first. */
  questions: string[];
  /** The values read (question name → value; `previous:<name>` for a previous campaign's answer). */
  values: Record<string, number | string | boolean | null>;
  /** French message naming the structure, the questions' titles and the values. */
  message: string;
  /** The same in English. */
  messageEn: string;
}

export interface CheckOptions {
  /** Responses of the previous campaign of the series (matched by structure id), for `change` rules. */
  previous?: readonly ResponseRecord[];
  /** Registry: structure names, and territories for `outlier` rules within a territory. */
  registry?: Registry;
  /**
   * The responses the distributions of `outlier` rules are computed over (default: `responses`).
   * At submission, the campaign's other responses plus the one being submitted.
   */
  population?: readonly ResponseRecord[];
  /** Rules whose severity is in this list only (default: every rule). */
  severities?: readonly Severity[];
}

export const SEVERITY_RANK: Record<Severity, number> = { blocking: 0, warning: 1, flag: 2 };

/** A numeric answer: numbers, and numeric text ("12,5", "1 000"); anything else is null. */
export function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  }
  return null;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

interface Texts {
  fr: string;
  en: string;
}

class Context {
  private readonly names = new Map<string, string>();
  private readonly territories = new Map<string, Record<string, string>>();
  private readonly previous = new Map<string, ResponseRecord>();
  private readonly groups = new Map<
    string,
    Map<string, { low: number; high: number; q1: number; q3: number } | null>
  >();

  constructor(
    readonly survey: SurveyModel,
    readonly options: CheckOptions,
    readonly responses: readonly ResponseRecord[],
  ) {
    for (const s of options.registry?.structures ?? []) {
      this.names.set(s.id, s.name);
      this.territories.set(s.id, s.attributes);
    }
    for (const r of options.previous ?? []) {
      if (r.structure === null) continue;
      const known = this.previous.get(r.structure);
      if (!known || (r.submittedAt ?? '') >= (known.submittedAt ?? '')) this.previous.set(r.structure, r);
    }
  }

  structureName(response: ResponseRecord): string | null {
    if (response.structure === null) return null;
    return this.names.get(response.structure) ?? response.structure;
  }

  title(name: string, lang: MessageLang): string {
    const def = this.survey.byName.get(name);
    if (!def) return name;
    return (lang === 'en' ? def.titles?.en : undefined) ?? def.title ?? name;
  }

  def(name: string): QuestionDef | undefined {
    return this.survey.byName.get(name);
  }

  previousOf(response: ResponseRecord): ResponseRecord | undefined {
    return response.structure === null ? undefined : this.previous.get(response.structure);
  }

  attribute(response: ResponseRecord, attribute: string): string | undefined {
    if (response.structure === null) return undefined;
    const value = this.territories.get(response.structure)?.[attribute];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Tukey fences of a question within a group ("" = whole campaign); null when too few values. */
  fences(rule: Extract<Rule, { kind: 'outlier' }>, group: string) {
    let byGroup = this.groups.get(rule.id);
    if (!byGroup) {
      const values = new Map<string, number[]>();
      for (const r of this.options.population ?? this.responses) {
        const v = numericValue(r.data[rule.question]);
        if (v === null) continue;
        const key = rule.within === 'campaign' ? '' : this.attribute(r, rule.attribute);
        if (key === undefined) continue;
        const list = values.get(key) ?? [];
        list.push(v);
        values.set(key, list);
      }
      byGroup = new Map();
      for (const [key, list] of values) {
        if (list.length < rule.minCount) {
          byGroup.set(key, null);
          continue;
        }
        const sorted = Float64Array.from(list).sort();
        const q = quartiles(sorted, 'minitab')!;
        const iqr = q[2] - q[0];
        byGroup.set(key, { q1: q[0], q3: q[2], low: q[0] - rule.k * iqr, high: q[2] + rule.k * iqr });
      }
      this.groups.set(rule.id, byGroup);
    }
    return byGroup.get(group) ?? null;
  }
}

const OP_TEXT: Record<Comparison, Texts> = {
  '<': { fr: 'strictement inférieur à', en: 'strictly below' },
  '<=': { fr: 'inférieur ou égal à', en: 'at most' },
  '>': { fr: 'strictement supérieur à', en: 'strictly above' },
  '>=': { fr: 'supérieur ou égal à', en: 'at least' },
  '=': { fr: 'égal à', en: 'equal to' },
  '!=': { fr: 'différent de', en: 'different from' },
};

function holds(left: number, op: Comparison, right: number, tolerance = 0): boolean {
  switch (op) {
    case '<':
      return left < right + tolerance;
    case '<=':
      return left <= right + tolerance;
    case '>':
      return left > right - tolerance;
    case '>=':
      return left >= right - tolerance;
    case '=':
      return Math.abs(left - right) <= tolerance;
    case '!=':
      return Math.abs(left - right) > tolerance;
  }
}

function bounds(
  min: number | undefined,
  max: number | undefined,
  unit: string | undefined,
  lang: MessageLang,
) {
  const a = (n: number) => formatAmount(n, unit, lang);
  if (min !== undefined && max !== undefined)
    return lang === 'fr' ? `de ${a(min)} à ${a(max)}` : `from ${a(min)} to ${a(max)}`;
  if (min !== undefined) return lang === 'fr' ? `au moins ${a(min)}` : `at least ${a(min)}`;
  return lang === 'fr' ? `au plus ${a(max!)}` : `at most ${a(max!)}`;
}

function outside(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min !== undefined && value < min) || (max !== undefined && value > max);
}

/** A choice answer shown by its label, a number in French, anything else as text. */
function answerText(
  ctx: Context,
  question: string,
  value: unknown,
  lang: MessageLang,
  unit?: string,
): string {
  const n = typeof value === 'number' ? value : null;
  if (n !== null) return formatAmount(n, unit, lang);
  const def = ctx.def(question);
  const choice = def?.choices.find((c) => String(c.value) === String(value));
  if (choice) return quote((lang === 'en' ? choice.labels?.en : undefined) ?? choice.label, lang);
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  return quote(String(value), lang);
}

type Fields = Record<string, string>;

interface Finding {
  questions: string[];
  values: Anomaly['values'];
  fields: { fr: Fields; en: Fields };
  defaults: Texts;
}

function fill(template: string, fields: Fields): string {
  return template.replace(
    /\{([^{}]*)\}/g,
    (whole, name: string) => fields[name.replace(/^title:/, '')] ?? whole,
  );
}

function evaluate(ctx: Context, rule: Rule, response: ResponseRecord): Finding | null {
  const data = response.data;
  const both = (make: (lang: MessageLang) => Fields) => ({ fr: make('fr'), en: make('en') });
  const t = (name: string, lang: MessageLang) => quote(ctx.title(name, lang), lang);
  const unit = rule.unit;
  switch (rule.kind) {
    case 'range': {
      const v = numericValue(data[rule.question]);
      if (v === null || !outside(v, rule.min, rule.max)) return null;
      const fields = both((l) => ({
        question: t(rule.question, l),
        value: formatAmount(v, unit, l),
        min: rule.min === undefined ? '' : formatAmount(rule.min, unit, l),
        max: rule.max === undefined ? '' : formatAmount(rule.max, unit, l),
        bounds: bounds(rule.min, rule.max, unit, l),
      }));
      return {
        questions: [rule.question],
        values: { [rule.question]: v },
        fields,
        defaults: {
          fr: `${fields.fr.question} vaut ${fields.fr.value}, en dehors de la plage attendue (${fields.fr.bounds}).`,
          en: `${fields.en.question} is ${fields.en.value}, outside the expected range (${fields.en.bounds}).`,
        },
      };
    }
    case 'compare': {
      const left = numericValue(data[rule.left]);
      const right = numericValue(data[rule.right]);
      if (left === null || right === null || holds(left, rule.op, right, rule.tolerance)) return null;
      const fields = both((l) => ({
        left: t(rule.left, l),
        leftValue: formatAmount(left, unit, l),
        op: OP_TEXT[rule.op][l],
        right: t(rule.right, l),
        rightValue: formatAmount(right, unit, l),
      }));
      const f = fields;
      return {
        questions: [rule.left, rule.right],
        values: { [rule.left]: left, [rule.right]: right },
        fields,
        defaults: {
          fr: `${f.fr.left} (${f.fr.leftValue}) devrait être ${f.fr.op} ${f.fr.right} (${f.fr.rightValue}).`,
          en: `${f.en.left} (${f.en.leftValue}) should be ${f.en.op} ${f.en.right} (${f.en.rightValue}).`,
        },
      };
    }
    case 'ratio': {
      const num = numericValue(data[rule.numerator]);
      const den = numericValue(data[rule.denominator]);
      if (num === null || den === null) return null;
      if (den === 0 && num === 0) return null;
      const ratio = den === 0 ? Infinity : num / den;
      if (Number.isFinite(ratio) && !outside(ratio, rule.min, rule.max)) return null;
      const fields = both((l) => ({
        numerator: t(rule.numerator, l),
        numeratorValue: formatNumber(num, l),
        denominator: t(rule.denominator, l),
        denominatorValue: formatNumber(den, l),
        ratio: formatAmount(ratio, unit, l),
        min: rule.min === undefined ? '' : formatAmount(rule.min, unit, l),
        max: rule.max === undefined ? '' : formatAmount(rule.max, unit, l),
        bounds: bounds(rule.min, rule.max, unit, l),
      }));
      const f = fields;
      return {
        questions: [rule.numerator, rule.denominator],
        values: { [rule.numerator]: num, [rule.denominator]: den },
        fields,
        defaults:
          den === 0
            ? {
                fr: `le rapport ${f.fr.numerator} / ${f.fr.denominator} ne peut pas être calculé : ${f.fr.denominator} vaut 0 alors que ${f.fr.numerator} vaut ${f.fr.numeratorValue} (attendu : ${f.fr.bounds}).`,
                en: `the ratio ${f.en.numerator} / ${f.en.denominator} cannot be computed: ${f.en.denominator} is 0 while ${f.en.numerator} is ${f.en.numeratorValue} (expected: ${f.en.bounds}).`,
              }
            : {
                fr: `le rapport ${f.fr.numerator} / ${f.fr.denominator} vaut ${f.fr.ratio} (${f.fr.numeratorValue} / ${f.fr.denominatorValue}), en dehors de la plage attendue (${f.fr.bounds}).`,
                en: `the ratio ${f.en.numerator} / ${f.en.denominator} is ${f.en.ratio} (${f.en.numeratorValue} / ${f.en.denominatorValue}), outside the expected range (${f.en.bounds}).`,
              },
      };
    }
    case 'required_if': {
      const c = rule.if;
      const cv = data[c.question];
      let applies: boolean;
      if (c.op === 'answered') applies = isAnswered(cv);
      else if (c.op === 'empty') applies = !isAnswered(cv);
      else if (['<', '<=', '>', '>='].includes(c.op)) {
        const a = numericValue(cv);
        const b = numericValue(c.value);
        applies = a !== null && b !== null && holds(a, c.op, b);
      } else {
        const equal = Array.isArray(cv)
          ? cv.some((x) => String(x) === String(c.value))
          : isAnswered(cv) && String(cv) === String(c.value);
        applies = c.op === '=' ? equal : isAnswered(cv) && !equal;
      }
      if (!applies || isAnswered(data[rule.question])) return null;
      const fields = both((l) => ({
        question: t(rule.question, l),
        condition: t(c.question, l),
        conditionValue: isAnswered(cv) ? answerText(ctx, c.question, cv, l, unit) : '',
      }));
      const f = fields;
      const because = (l: MessageLang) =>
        c.op === 'empty'
          ? l === 'fr'
            ? `${f.fr.condition} n'est pas renseigné`
            : `${f.en.condition} is not answered`
          : c.op === 'answered'
            ? l === 'fr'
              ? `${f.fr.condition} est renseigné (${f.fr.conditionValue})`
              : `${f.en.condition} is answered (${f.en.conditionValue})`
            : l === 'fr'
              ? `${f.fr.condition} vaut ${f.fr.conditionValue}`
              : `${f.en.condition} is ${f.en.conditionValue}`;
      return {
        questions: [rule.question, c.question],
        values: { [rule.question]: null, [c.question]: scalar(cv) },
        fields,
        defaults: {
          fr: `${f.fr.question} n'est pas renseigné alors que ${because('fr')}.`,
          en: `${f.en.question} is not answered while ${because('en')}.`,
        },
      };
    }
    case 'change': {
      const now = numericValue(data[rule.question]);
      if (now === null) return null;
      let before: number | null;
      let previousKey: string;
      if (rule.from) {
        before = numericValue(data[rule.from]);
        previousKey = rule.from;
      } else {
        const prev = ctx.previousOf(response);
        const name = rule.previousQuestion ?? rule.question;
        before = prev ? numericValue(prev.data[name]) : null;
        previousKey = `previous:${name}`;
      }
      if (before === null) return null;
      if (before === 0 && now === 0) return null;
      const change = before === 0 ? Infinity : ((now - before) / Math.abs(before)) * 100;
      if (Number.isFinite(change) && Math.abs(change) <= rule.percent) return null;
      const fields = both((l) => ({
        question: t(rule.question, l),
        value: formatAmount(now, unit, l),
        reference: rule.from ? t(rule.from, l) : l === 'fr' ? 'campagne précédente' : 'previous campaign',
        previous: formatAmount(before, unit, l),
        change: Number.isFinite(change) ? formatPercent(change, l, true) : '—',
        percent: formatPercent(rule.percent, l),
      }));
      const f = fields;
      return {
        questions: rule.from ? [rule.question, rule.from] : [rule.question],
        values: { [rule.question]: now, [previousKey]: before },
        fields,
        defaults: {
          fr: `${f.fr.question} passe de ${f.fr.previous} (${f.fr.reference}) à ${f.fr.value}, soit une évolution de ${f.fr.change}, au-delà de ± ${f.fr.percent}.`,
          en: `${f.en.question} goes from ${f.en.previous} (${f.en.reference}) to ${f.en.value}, a change of ${f.en.change}, beyond ± ${f.en.percent}.`,
        },
      };
    }
    case 'outlier': {
      const v = numericValue(data[rule.question]);
      if (v === null) return null;
      const group = rule.within === 'campaign' ? '' : ctx.attribute(response, rule.attribute);
      if (group === undefined) return null;
      const fence = ctx.fences(rule, group);
      if (!fence || (v >= fence.low && v <= fence.high)) return null;
      const fields = both((l) => ({
        question: t(rule.question, l),
        value: formatAmount(v, unit, l),
        low: formatAmount(fence.low, unit, l),
        high: formatAmount(fence.high, unit, l),
        q1: formatAmount(fence.q1, unit, l),
        q3: formatAmount(fence.q3, unit, l),
        group:
          rule.within === 'campaign'
            ? l === 'fr'
              ? 'de la campagne'
              : 'of the campaign'
            : l === 'fr'
              ? `du territoire ${quote(group, l)}`
              : `of the territory ${quote(group, l)}`,
        k: formatNumber(rule.k, l),
      }));
      const f = fields;
      return {
        questions: [rule.question],
        values: { [rule.question]: v },
        fields,
        defaults: {
          fr: `${f.fr.question} vaut ${f.fr.value}, en dehors des valeurs habituelles ${f.fr.group} (de ${f.fr.low} à ${f.fr.high} : quartiles ${f.fr.q1} et ${f.fr.q3} ± ${f.fr.k} écarts interquartiles).`,
          en: `${f.en.question} is ${f.en.value}, outside the usual values ${f.en.group} (${f.en.low} to ${f.en.high}: quartiles ${f.en.q1} and ${f.en.q3} ± ${f.en.k} interquartile ranges).`,
        },
      };
    }
  }
}

function scalar(value: unknown): number | string | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function who(ctx: Context, response: ResponseRecord, lang: MessageLang): string {
  const name = ctx.structureName(response);
  if (name !== null) return quote(name, lang);
  return lang === 'fr' ? `Réponse anonyme ${response.id}` : `Anonymous response ${response.id}`;
}

/**
 * Every anomaly of `responses` under `rules`, most severe first (then in response and rule order).
 * A rule reads only answered values: an unanswered question breaks no rule but `required_if`.
 */
export function checkResponses(
  survey: SurveyModel,
  responses: readonly ResponseRecord[],
  rules: readonly Rule[],
  options: CheckOptions = {},
): Anomaly[] {
  const ctx = new Context(survey, options, responses);
  const active = options.severities ? rules.filter((r) => options.severities!.includes(r.severity)) : rules;
  const found: { anomaly: Anomaly; order: number }[] = [];
  let order = 0;
  for (const response of responses) {
    for (const rule of active) {
      const finding = evaluate(ctx, rule, response);
      order++;
      if (!finding) continue;
      const message = (lang: MessageLang) => {
        const fields: Fields = {
          ...finding.fields[lang],
          structure: ctx.structureName(response) ?? response.id,
          response: response.id,
          rule: rule.label ?? rule.id,
        };
        const custom = rule.message?.[lang];
        const body = custom ? fill(custom, fields) : finding.defaults[lang];
        return `${who(ctx, response, lang)}${lang === 'fr' ? '\u00a0: ' : ': '}${body}`;
      };
      found.push({
        order,
        anomaly: {
          response: response.id,
          structure: response.structure,
          structureName: ctx.structureName(response),
          rule: rule.id,
          kind: rule.kind,
          severity: rule.severity,
          questions: finding.questions,
          values: finding.values,
          message: message('fr'),
          messageEn: message('en'),
        },
      });
    }
  }
  found.sort(
    (a, b) => SEVERITY_RANK[a.anomaly.severity] - SEVERITY_RANK[b.anomaly.severity] || a.order - b.order,
  );
  return found.map((f) => f.anomaly);
}
