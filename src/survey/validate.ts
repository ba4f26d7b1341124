import { errorMessage, type ErrorParamsOf } from '../contract/errors/index.js';
import type { answerErrors } from '../contract/errors/answers.js';
import { rulesFor, type QuestionRule } from './question-rules.js';
import { closestName, describe } from './wording.js';
import {
  COMMENT_SUFFIX,
  NONE_VALUE,
  OTHER_VALUE,
  choiceKey,
  type ChoiceValue,
  type QuestionDef,
  type SurveyModel,
} from './model.js';

/**
 * One rejected answer value. `value` is the value as received; `code` and `params` word it in the
 * user's language at the edge (src/contract/errors/answers.ts), `message` is the English text.
 */
export interface ValueProblem {
  question: string;
  value: unknown;
  message: string;
  code: AnswerCode;
  params: Record<string, unknown>;
}

type AnswerCode = keyof typeof answerErrors;

export function problem<C extends AnswerCode>(
  question: string,
  value: unknown,
  code: C,
  params: ErrorParamsOf<C>,
): ValueProblem {
  return {
    question,
    value,
    code,
    params: params,
    message: errorMessage(code, params, 'en'),
  };
}

export interface ValidationResult {
  /**
   * The answers that passed; a rejected value is left out (whole answer, or one element of a list).
   * When every answer is valid as given, this is the input object itself (not a copy).
   */
  data: Record<string, unknown>;
  problems: ValueProblem[];
}

export interface ValidateOptions {
  /**
   * Only documents intent: the result is the same in both modes (problems listed, bad values left
   * out of `data`). Strict callers refuse the response when `problems` is not empty; lenient
   * callers keep `data` and report the problems as warnings.
   */
  lenient?: boolean;
}

/**
 * Checks every key of a response against the definition. survey-core accepts or silently drops
 * bad values, so nothing from the data is trusted: unknown keys, values outside the choices, text in
 * number fields… each becomes a problem naming the question and the value.
 */
export function validateResponseData(
  survey: SurveyModel,
  data: unknown,
  _options: ValidateOptions = {},
): ValidationResult {
  const problems: ValueProblem[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(problem('', data, 'answer_not_object', { got: describe(data) }));
    return { data: {}, problems };
  }
  const rules = rulesFor(survey);
  const record = data as Record<string, unknown>;
  const keys = Object.keys(record);
  // Copy-on-change: most responses are valid as given, so their object is returned untouched
  // instead of being rebuilt (half the garbage on large loads).
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = record[key];
    const kept = value === null || value === undefined ? undefined : checkKey(rules, key, value, problems);
    // An answer stored under a `valueName` is kept under its question's name.
    const target = rules.get(key)?.def.name ?? key;
    if ((kept !== value || target !== key) && out === undefined) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
    }
    if (out !== undefined && kept !== undefined) out[target] = kept;
  }
  return { data: out ?? record, problems };
}

/** The value to keep for one key (the same value when valid as given), or undefined to drop it. */
function checkKey(
  rules: Map<string, QuestionRule>,
  key: string,
  value: unknown,
  problems: ValueProblem[],
): unknown {
  const rule = rules.get(key);
  if (rule) return checkAnswer(rule, value, problems);
  if (key.endsWith(COMMENT_SUFFIX)) {
    const owner = rules.get(key.slice(0, -COMMENT_SUFFIX.length));
    if (owner?.allowsComment) {
      if (typeof value === 'string') return value.trim() !== '' ? value : undefined;
      problems.push(problem(key, value, 'answer_other_not_text', { key, got: describe(value) }));
      return undefined;
    }
    if (owner) {
      problems.push(problem(key, value, 'answer_comment_not_allowed', { key, question: owner.def.name }));
      return undefined;
    }
  }
  const hint = closestName(key, rules.keys());
  problems.push(
    problem(key, value, 'answer_unknown_question', { key, got: describe(value), ...(hint ? { hint } : {}) }),
  );
  return undefined;
}

type AtParams = { question: string; got: string };

/**
 * Records a problem about `def` (its name and the value as `question` and `got`) and returns
 * undefined, so checks can `return reject(...)`.
 */
function reject<C extends AnswerCode>(
  problems: ValueProblem[],
  def: QuestionDef,
  value: unknown,
  code: C,
  extra?: Omit<ErrorParamsOf<C>, keyof AtParams>,
): undefined {
  const params = { question: def.name, got: describe(value), ...(extra ?? {}) } as ErrorParamsOf<C>;
  problems.push(problem(def.name, value, code, params));
  return undefined;
}

/**
 * Returns the value to keep (possibly normalised), or undefined to leave the answer out. No closure
 * is created on the valid path: this runs once per answer of every response.
 */
function checkAnswer(rule: QuestionRule, value: unknown, problems: ValueProblem[]): unknown {
  const { def } = rule;
  switch (def.kind) {
    case 'single':
    case 'rating': {
      const typed = matchChoice(rule, value);
      if (typed === undefined)
        return reject(problems, def, value, 'answer_not_a_choice', notAChoice(rule, value));
      return typed;
    }
    case 'multiple':
      return checkMultiple(rule, value, problems);
    case 'number': {
      if (typeof value !== 'number')
        return typeof value === 'string'
          ? reject(problems, def, value, 'answer_text_not_number')
          : reject(problems, def, value, 'answer_not_a_number');
      if (!Number.isFinite(value)) return reject(problems, def, value, 'answer_not_finite');
      if (def.min !== undefined && value < def.min)
        return reject(problems, def, value, 'answer_below_min', { min: def.min });
      if (def.max !== undefined && value > def.max)
        return reject(problems, def, value, 'answer_above_max', { max: def.max });
      return value;
    }
    case 'boolean': {
      if (rule.valueTrue !== undefined && value === rule.valueTrue) return value;
      if (rule.valueFalse !== undefined && value === rule.valueFalse) return value;
      if (rule.valueTrue === undefined && rule.valueFalse === undefined && typeof value === 'boolean')
        return value;
      const custom = rule.valueTrue !== undefined || rule.valueFalse !== undefined;
      return reject(
        problems,
        def,
        value,
        'answer_not_yes_no',
        custom ? { yes: describe(rule.valueTrue ?? true), no: describe(rule.valueFalse ?? false) } : {},
      );
    }
    case 'date': {
      if (typeof value !== 'string') return reject(problems, def, value, 'answer_date_not_text');
      const inputType = def.inputType ?? 'date';
      const problem = checkDate(value, inputType);
      if (problem === 'format')
        return reject(problems, def, value, 'answer_date_format', {
          inputType,
          example: (ISO_PATTERNS[inputType] ?? ISO_PATTERNS.date!).example,
        });
      if (problem === 'not_real') return reject(problems, def, value, 'answer_date_not_real', { inputType });
      return value;
    }
    case 'text':
    case 'comment':
      if (typeof value !== 'string') return reject(problems, def, value, 'answer_not_text');
      return value.trim() === '' ? undefined : value;
    case 'matrix':
      return checkMatrix(rule, value, problems);
    case 'ranking':
      // survey-core stores the ranked choice values in order: the same checks as a multiple choice.
      return checkMultiple(rule, value, problems);
    case 'composite': {
      // Nested answers: rows (matrixdynamic) or panels (paneldynamic) as a list of objects, or
      // one object keyed by row or item name (matrixdropdown, multipletext).
      const list = def.sourceType === 'matrixdynamic' || def.sourceType === 'paneldynamic';
      // A range slider stores its two ends.
      if (def.sourceType === 'slider')
        return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))
          ? value
          : reject(problems, def, value, 'answer_not_a_list');
      const ok = list
        ? Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
        : value !== null && typeof value === 'object' && !Array.isArray(value);
      if (!ok) return reject(problems, def, value, list ? 'answer_not_a_list' : 'answer_not_object');
      return value;
    }
    case 'expression':
      if (typeof value === 'object') return reject(problems, def, value, 'answer_not_text');
      return value;
    case 'file':
      // Data URLs (signature) or lists of { name, type, content } (file): kept as given.
      return value;
  }
}

function checkMultiple(rule: QuestionRule, value: unknown, problems: ValueProblem[]): unknown[] | undefined {
  const { def } = rule;
  if (!Array.isArray(value)) return reject(problems, def, value, 'answer_not_a_list');
  const kept: ChoiceValue[] = [];
  let seen: Set<string> | undefined;
  let hasNone = false;
  for (const element of value) {
    const typed = matchChoice(rule, element);
    if (typed === undefined) {
      reject(problems, def, element, 'answer_not_a_choice', notAChoice(rule, element));
      continue;
    }
    const key = choiceKey(typed);
    // Lists are short: a linear scan beats allocating a Set for every answer.
    if (kept.length > 8) seen ??= new Set(kept.map(choiceKey));
    if (seen ? seen.has(key) : kept.some((k) => choiceKey(k) === key)) {
      reject(problems, def, element, 'answer_listed_twice');
      continue;
    }
    seen?.add(key);
    if (key === NONE_VALUE) hasNone = true;
    kept.push(typed);
  }
  if (def.hasNone && hasNone && kept.length > 1) {
    problems.push(
      problem(def.name, value, 'answer_none_combined', {
        question: def.name,
        got: describe(value),
        none: NONE_VALUE,
        noneText: def.noneText,
      }),
    );
    return undefined;
  }
  if (kept.length === 0) return undefined;
  return kept.length === value.length && kept.every((v, i) => v === value[i]) ? value : kept;
}

function checkMatrix(
  rule: QuestionRule,
  value: unknown,
  problems: ValueProblem[],
): Record<string, unknown> | undefined {
  const { def } = rule;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject(problems, def, value, 'answer_matrix_not_object');
  }
  const kept: Record<string, unknown> = {};
  let count = 0;
  let changed = false;
  for (const row in value as Record<string, unknown>) {
    if (!Object.hasOwn(value, row)) continue;
    const column = (value as Record<string, unknown>)[row];
    if (!rule.rows.has(row)) {
      problems.push(
        problem(def.name, row, 'answer_matrix_unknown_row', {
          question: def.name,
          row,
          rows: [...rule.rows],
        }),
      );
      continue;
    }
    if (column === null || column === undefined) continue;
    const typed = matchChoice(rule, column);
    if (typed === undefined) {
      reject(problems, def, column, 'answer_matrix_not_a_column', { row, ...choiceList(rule) });
      continue;
    }
    kept[row] = typed;
    if (typed !== column) changed = true;
    count++;
  }
  if (count === 0) return undefined;
  return changed || count !== Object.keys(value).length ? kept : (value as Record<string, unknown>);
}

/**
 * Matches by canonical string key so a CSV "3" finds the numeric choice 3, and returns the value as
 * typed in the definition. Objects and arrays never match.
 */
function matchChoice(rule: QuestionRule, value: unknown): ChoiceValue | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const known = rule.accepted.get(String(value));
  // Choices loaded at run time (choicesByUrl, lazy loading) cannot be checked here.
  return known === undefined && rule.def.openChoices ? value : known;
}

const ISO_PATTERNS: Record<string, { re: RegExp; example: string }> = {
  date: { re: /^(\d{4})-(\d{2})-(\d{2})$/, example: '2020-04-03' },
  'datetime-local': {
    re: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/,
    example: '2020-04-03T09:30',
  },
  datetime: {
    re: /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
    example: '2020-04-03T09:30:00+02:00',
  },
  month: { re: /^(\d{4})-(\d{2})$/, example: '2020-04' },
  week: { re: /^(\d{4})-W(\d{2})$/, example: '2020-W14' },
  time: { re: /^(\d{2}):(\d{2})(?::(\d{2}))?$/, example: '09:30' },
};

/** What is wrong with a date, or undefined when it is a valid ISO value for the input type. */
function checkDate(value: string, inputType: string): 'format' | 'not_real' | undefined {
  const pattern = ISO_PATTERNS[inputType] ?? ISO_PATTERNS.date!;
  const m = pattern.re.exec(value);
  if (!m) return 'format';
  const invalid = 'not_real';
  if (inputType === 'time') {
    return Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59 ? invalid : undefined;
  }
  if (inputType === 'week') return Number(m[2]) < 1 || Number(m[2]) > 53 ? invalid : undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return invalid;
  if (m[3] !== undefined) {
    const year = Number(m[1]);
    const day = Number(m[3]);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return invalid;
  }
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    return invalid;
  return undefined;
}

/** The accepted choices, noting when the value is a choice's label: answers are keyed by value. */
function notAChoice(
  rule: QuestionRule,
  value: unknown,
): { choices: string[]; more?: number; label?: string } {
  const base = choiceList(rule);
  if (typeof value !== 'string') return base;
  const wanted = value.trim().toLowerCase();
  const { def } = rule;
  const labelled = [
    ...def.choices,
    ...(def.hasOther ? [{ value: OTHER_VALUE, label: def.otherText }] : []),
    ...(def.hasNone ? [{ value: NONE_VALUE, label: def.noneText }] : []),
  ].find(
    (c: { value: ChoiceValue; label: string; labels?: Record<string, string> }) =>
      c.label.trim().toLowerCase() === wanted ||
      Object.values(c.labels ?? {}).some((l) => l.trim().toLowerCase() === wanted) ||
      choiceKey(c.value).toLowerCase() === wanted,
  );
  if (!labelled) return base;
  return { ...base, label: describe(labelled.value) };
}

function choiceList(rule: QuestionRule): { choices: string[]; more?: number } {
  const keys = [...rule.accepted.keys()];
  return keys.length <= 12 ? { choices: keys } : { choices: keys.slice(0, 12), more: keys.length - 12 };
}
