import { z } from 'zod';
import type { RuleProblem, RuleProblemReason } from '../contract/errors/coherence.js';
import { PanoramaError } from '../contract/errors/index.js';
import { JsonSyntaxError, parseJsonText } from '../survey/json-position.js';
import type { SurveyModel } from '../survey/model.js';

/**
 * Coherence rules: declarative checks over the answers of a campaign, written as JSON
 * (`{"rules": [...]}`) and validated here. Every mistake in a rules file is reported with the
 * rule's number, the field and the value, in French and English (catalogue code
 * `coherence_rules_invalid`).
 */

export const SEVERITIES = ['blocking', 'warning', 'flag'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPARISONS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const CONDITION_OPS = ['=', '!=', '<', '<=', '>', '>=', 'answered', 'empty'] as const;

const text = z.string().trim().min(1);
const message = z.strictObject({ fr: text.optional(), en: text.optional() });

const base = {
  id: text.max(100),
  severity: z.enum(SEVERITIES),
  /** Short wording of the rule, shown in lists. */
  label: text.optional(),
  /** Unit written after the values and bounds of the rule ("€", "h"). */
  unit: z.string().max(20).optional(),
  message: message.optional(),
};

const condition = z.strictObject({
  question: text,
  op: z.enum(CONDITION_OPS),
  value: z.union([z.number(), z.string(), z.boolean()]).optional(),
});

export const rangeRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('range'),
  question: text,
  min: z.number().optional(),
  max: z.number().optional(),
});

export const compareRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('compare'),
  left: text,
  op: z.enum(COMPARISONS),
  right: text,
  /** Tolerance added in favour of the answer (e.g. 1 € of rounding). */
  tolerance: z.number().nonnegative().optional(),
});

export const ratioRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('ratio'),
  numerator: text,
  denominator: text,
  min: z.number().optional(),
  max: z.number().optional(),
});

export const requiredIfRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('required_if'),
  question: text,
  if: condition,
});

export const changeRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('change'),
  question: text,
  /** Reference in the same response (budget_total_2019); absent: the previous campaign's answer. */
  from: text.optional(),
  /** Question name in the previous campaign when it differs from `question`. */
  previousQuestion: text.optional(),
  /** An anomaly when |new − old| / |old| exceeds this percentage. */
  percent: z.number().positive(),
});

export const outlierRuleSchema = z.strictObject({
  ...base,
  kind: z.literal('outlier'),
  question: text,
  /** Distance in interquartile ranges beyond Q1 and Q3. */
  k: z.number().positive().default(3),
  within: z.enum(['campaign', 'territory']).default('campaign'),
  /** Registry attribute naming the territory (within = territory). */
  attribute: text.default('territoire'),
  /** Fewest values in a group for the quartiles to be used (fewer: no anomaly). */
  minCount: z.number().int().min(4).default(8),
});

const KIND_SCHEMAS = {
  range: rangeRuleSchema,
  compare: compareRuleSchema,
  ratio: ratioRuleSchema,
  required_if: requiredIfRuleSchema,
  change: changeRuleSchema,
  outlier: outlierRuleSchema,
} as const;
export const RULE_KINDS = Object.keys(KIND_SCHEMAS) as (keyof typeof KIND_SCHEMAS)[];

export const ruleSchema = z.discriminatedUnion('kind', [
  rangeRuleSchema,
  compareRuleSchema,
  ratioRuleSchema,
  requiredIfRuleSchema,
  changeRuleSchema,
  outlierRuleSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type RuleInput = z.input<typeof ruleSchema>;

export const ruleSetSchema = z.strictObject({
  /** Free description of the rule set. */
  description: z.string().optional(),
  rules: z.array(ruleSchema),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** The template fields every message may use, and those of each kind. */
const COMMON_FIELDS = ['structure', 'response', 'rule'];
const KIND_FIELDS: Record<RuleKind, string[]> = {
  range: ['question', 'value', 'min', 'max'],
  compare: ['left', 'leftValue', 'op', 'right', 'rightValue'],
  ratio: ['numerator', 'numeratorValue', 'denominator', 'denominatorValue', 'ratio', 'min', 'max'],
  required_if: ['question', 'condition', 'conditionValue'],
  change: ['question', 'value', 'reference', 'previous', 'change', 'percent'],
  outlier: ['question', 'value', 'low', 'high', 'q1', 'q3', 'group'],
};
export function templateFields(kind: RuleKind): string[] {
  return [...COMMON_FIELDS, ...KIND_FIELDS[kind]];
}

function show(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function reasonOf(
  issue: z.core.$ZodIssue,
  found: unknown,
): { reason: RuleProblemReason; expected?: string[] } {
  if (issue.code === 'invalid_type') {
    if (found === undefined) return { reason: 'missing' };
    if (issue.expected === 'number') return { reason: 'not_number' };
    if (issue.expected === 'string') return { reason: 'not_text' };
    if (issue.expected === 'array') return { reason: 'not_list' };
    if (issue.expected === 'object') return { reason: 'not_object' };
    return { reason: 'not_text' };
  }
  if (issue.code === 'invalid_value') return { reason: 'bad_choice', expected: issue.values.map(String) };
  if (issue.code === 'too_small') {
    if (typeof found === 'string') return { reason: 'empty' };
    return { reason: 'not_positive' };
  }
  if (issue.code === 'invalid_union') {
    return { reason: typeof found === 'number' ? 'not_text' : 'not_number' };
  }
  return { reason: 'not_text' };
}

/** Structural check of one parsed rule set; each problem names the rule number, field and value. */
export function validateRuleSet(input: unknown): { ruleSet?: RuleSet; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let list: unknown;
  if (Array.isArray(input)) list = input;
  else if (input !== null && typeof input === 'object') {
    list = (input as Record<string, unknown>).rules;
    for (const key of Object.keys(input)) {
      if (key !== 'rules' && key !== 'description')
        problems.push({ index: 0, field: key, reason: 'unknown_field' });
    }
    if (list === undefined) problems.push({ index: 0, field: 'rules', reason: 'missing' });
  } else {
    problems.push({ index: 0, field: '', value: show(input), reason: 'not_object' });
  }
  if (list !== undefined && !Array.isArray(list)) {
    problems.push({ index: 0, field: 'rules', value: show(list), reason: 'not_list' });
  }
  const rules: Rule[] = [];
  const seen = new Set<string>();
  if (Array.isArray(list)) {
    list.forEach((raw, i) => {
      const index = i + 1;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push({ index, field: '', value: show(raw), reason: 'not_object' });
        return;
      }
      const record = raw as Record<string, unknown>;
      const id = typeof record.id === 'string' ? record.id : undefined;
      const kind = record.kind;
      const schema = typeof kind === 'string' ? KIND_SCHEMAS[kind as RuleKind] : undefined;
      if (!schema) {
        problems.push({
          index,
          id,
          field: 'kind',
          value: kind === undefined ? undefined : show(kind),
          reason: kind === undefined ? 'missing' : 'unknown_kind',
          expected: RULE_KINDS,
        });
        return;
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys)
              problems.push({ index, id, field: [...issue.path, key].join('.'), reason: 'unknown_field' });
            continue;
          }
          const found = at(raw, issue.path);
          problems.push({
            index,
            id,
            field: issue.path.map(String).join('.'),
            value: found === undefined ? undefined : show(found),
            ...reasonOf(issue, found),
          });
        }
        return;
      }
      const rule = parsed.data;
      if (seen.has(rule.id)) {
        problems.push({ index, id, field: 'id', value: show(rule.id), reason: 'duplicate_id' });
      }
      seen.add(rule.id);
      if (rule.kind === 'range' || rule.kind === 'ratio') {
        if (rule.min === undefined && rule.max === undefined)
          problems.push({ index, id, field: 'min', reason: 'no_bound' });
        if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
          problems.push({ index, id, field: 'min', value: show(rule.min), reason: 'min_above_max' });
      }
      if (
        rule.kind === 'required_if' &&
        !['answered', 'empty'].includes(rule.if.op) &&
        rule.if.value === undefined
      )
        problems.push({ index, id, field: 'if.value', reason: 'missing' });
      const fields = templateFields(rule.kind);
      for (const lang of ['fr', 'en'] as const) {
        const template = rule.message?.[lang];
        if (!template) continue;
        for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
          const name = match[1]!.replace(/^title:/, '');
          if (!fields.includes(name)) {
            problems.push({
              index,
              id,
              field: `message.${lang}`,
              value: show(match[0]),
              reason: 'unknown_placeholder',
              expected: fields,
            });
          }
        }
      }
      rules.push(rule);
    });
  }
  if (problems.length > 0) return { problems };
  return { ruleSet: { description: (input as { description?: string }).description, rules }, problems };
}

/** The question names a rule reads, and which of them must be numeric. */
export function ruleQuestions(rule: Rule): { question: string; field: string; numeric: boolean }[] {
  switch (rule.kind) {
    case 'range':
      return [{ question: rule.question, field: 'question', numeric: true }];
    case 'compare':
      return [
        { question: rule.left, field: 'left', numeric: true },
        { question: rule.right, field: 'right', numeric: true },
      ];
    case 'ratio':
      return [
        { question: rule.numerator, field: 'numerator', numeric: true },
        { question: rule.denominator, field: 'denominator', numeric: true },
      ];
    case 'required_if':
      return [
        { question: rule.question, field: 'question', numeric: false },
        {
          question: rule.if.question,
          field: 'if.question',
          numeric: ['<', '<=', '>', '>='].includes(rule.if.op),
        },
      ];
    case 'change':
      return [
        { question: rule.question, field: 'question', numeric: true },
        ...(rule.from ? [{ question: rule.from, field: 'from', numeric: true }] : []),
      ];
    case 'outlier':
      return [{ question: rule.question, field: 'question', numeric: true }];
  }
}

const NUMERIC_KINDS = new Set(['number', 'rating']);

/** Every question a rule names exists in the survey, numeric where the rule computes with it. */
export function checkRulesAgainstSurvey(ruleSet: RuleSet, survey: SurveyModel): RuleProblem[] {
  const problems: RuleProblem[] = [];
  ruleSet.rules.forEach((rule, i) => {
    for (const { question, field, numeric } of ruleQuestions(rule)) {
      const def = survey.byName.get(question);
      if (!def)
        problems.push({
          index: i + 1,
          id: rule.id,
          field,
          value: show(question),
          reason: 'unknown_question',
        });
      else if (numeric && !NUMERIC_KINDS.has(def.kind))
        problems.push({
          index: i + 1,
          id: rule.id,
          field,
          value: show(question),
          reason: 'not_numeric_question',
        });
    }
  });
  return problems;
}

/**
 * Parses and validates a rule set (JSON text or a parsed value), against the survey when given.
 * Throws PanoramaError `coherence_rules_unreadable` (JSON syntax, with line and column) or
 * `coherence_rules_invalid` (every problem, by rule number, field and value).
 */
export function parseRuleSet(input: string | unknown, file = '', survey?: SurveyModel): RuleSet {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = parseJsonText(input, file || 'rules.json');
    } catch (err) {
      if (err instanceof JsonSyntaxError)
        throw new PanoramaError('coherence_rules_unreadable', { file, line: err.line, column: err.column });
      throw err;
    }
  }
  const { ruleSet, problems } = validateRuleSet(value);
  if (!ruleSet) throw new PanoramaError('coherence_rules_invalid', { file, problems }).with(problems);
  if (survey) {
    const more = checkRulesAgainstSurvey(ruleSet, survey);
    if (more.length > 0)
      throw new PanoramaError('coherence_rules_invalid', { file, problems: more }).with(more);
  }
  return ruleSet;
}
