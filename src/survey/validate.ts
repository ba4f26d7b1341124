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

/** One rejected answer value. `value` is the value as received. */
export interface ValueProblem {
  question: string;
  value: unknown;
  message: string;
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
    problems.push({
      question: '',
      value: data,
      message: `the answers must be an object keyed by question name, got ${describe(data)}`,
    });
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
    if (kept !== value && out === undefined) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]!] = record[keys[j]!];
    }
    if (out !== undefined && kept !== undefined) out[key] = kept;
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
      problems.push({
        question: key,
        value,
        message: `question "${key}": the "other" text must be text, got ${describe(value)}`,
      });
      return undefined;
    }
    if (owner) {
      problems.push({
        question: key,
        value,
        message: `"${key}" is not allowed: question "${owner.def.name}" has no "other" item and no comment box`,
      });
      return undefined;
    }
  }
  const hint = closestName(key, rules.keys());
  problems.push({
    question: key,
    value,
    message: `"${key}" is not a question of this survey (value ${describe(value)})${hint ? `; did you mean "${hint}"?` : ''}`,
  });
  return undefined;
}

/** Records a problem and returns undefined, so checks can `return reject(...)`. */
function reject(problems: ValueProblem[], def: QuestionDef, message: string, value: unknown): undefined {
  problems.push({ question: def.name, value, message: `question "${def.name}": ${message}` });
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
      if (typed === undefined) return reject(problems, def, notAChoice(rule, value), value);
      return typed;
    }
    case 'multiple':
      return checkMultiple(rule, value, problems);
    case 'number': {
      if (typeof value !== 'number') {
        const message =
          typeof value === 'string'
            ? `${describe(value)} is text, not a number`
            : `expected a number, got ${describe(value)}`;
        return reject(problems, def, message, value);
      }
      if (!Number.isFinite(value))
        return reject(problems, def, `${String(value)} is not a finite number`, value);
      if (def.min !== undefined && value < def.min)
        return reject(problems, def, `${value} is below the minimum ${def.min}`, value);
      if (def.max !== undefined && value > def.max)
        return reject(problems, def, `${value} is above the maximum ${def.max}`, value);
      return value;
    }
    case 'boolean': {
      if (rule.valueTrue !== undefined && value === rule.valueTrue) return value;
      if (rule.valueFalse !== undefined && value === rule.valueFalse) return value;
      if (rule.valueTrue === undefined && rule.valueFalse === undefined && typeof value === 'boolean')
        return value;
      const expected =
        rule.valueTrue === undefined && rule.valueFalse === undefined
          ? 'true or false'
          : `${describe(rule.valueTrue ?? true)} or ${describe(rule.valueFalse ?? false)}`;
      return reject(problems, def, `${describe(value)} is not a yes/no answer (expected ${expected})`, value);
    }
    case 'date': {
      if (typeof value !== 'string')
        return reject(problems, def, `expected a date as text, got ${describe(value)}`, value);
      const problem = checkDate(value, def.inputType ?? 'date');
      return problem ? reject(problems, def, problem, value) : value;
    }
    case 'text':
    case 'comment':
      if (typeof value !== 'string')
        return reject(problems, def, `expected text, got ${describe(value)}`, value);
      return value.trim() === '' ? undefined : value;
    case 'matrix':
      return checkMatrix(rule, value, problems);
  }
}

function checkMultiple(rule: QuestionRule, value: unknown, problems: ValueProblem[]): unknown[] | undefined {
  const { def } = rule;
  if (!Array.isArray(value))
    return reject(problems, def, `expected a list of choices, got ${describe(value)}`, value);
  const kept: ChoiceValue[] = [];
  let seen: Set<string> | undefined;
  let hasNone = false;
  for (const element of value) {
    const typed = matchChoice(rule, element);
    if (typed === undefined) {
      reject(problems, def, notAChoice(rule, element), element);
      continue;
    }
    const key = choiceKey(typed);
    // Lists are short: a linear scan beats allocating a Set for every answer.
    if (kept.length > 8) seen ??= new Set(kept.map(choiceKey));
    if (seen ? seen.has(key) : kept.some((k) => choiceKey(k) === key)) {
      reject(problems, def, `${describe(element)} is listed twice`, element);
      continue;
    }
    seen?.add(key);
    if (key === NONE_VALUE) hasNone = true;
    kept.push(typed);
  }
  if (def.hasNone && hasNone && kept.length > 1) {
    problems.push({
      question: def.name,
      value,
      message: `question "${def.name}": "${NONE_VALUE}" (${def.noneText}) cannot be combined with other choices (${describe(value)})`,
    });
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
    return reject(problems, def, `expected an object of row → column values, got ${describe(value)}`, value);
  }
  const kept: Record<string, unknown> = {};
  let count = 0;
  let changed = false;
  for (const row in value as Record<string, unknown>) {
    if (!Object.hasOwn(value, row)) continue;
    const column = (value as Record<string, unknown>)[row];
    if (!rule.rows.has(row)) {
      reject(problems, def, `row "${row}" is not a row of this matrix (${[...rule.rows].join(', ')})`, row);
      continue;
    }
    if (column === null || column === undefined) continue;
    const typed = matchChoice(rule, column);
    if (typed === undefined) {
      reject(
        problems,
        def,
        `row "${row}": ${describe(column)} is not one of the columns (${choiceList(rule)})`,
        column,
      );
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
  return rule.accepted.get(String(value));
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

/** Returns a problem text, or undefined when the value is a valid ISO value for the input type. */
function checkDate(value: string, inputType: string): string | undefined {
  const pattern = ISO_PATTERNS[inputType] ?? ISO_PATTERNS.date!;
  const m = pattern.re.exec(value);
  if (!m) return `${describe(value)} is not a valid ISO ${inputType} (expected e.g. ${pattern.example})`;
  const invalid = `${describe(value)} is not a real ${inputType}`;
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

/** "x is not one of the choices (…)", noting when x is a choice's label: answers are keyed by value. */
function notAChoice(rule: QuestionRule, value: unknown): string {
  const base = `${describe(value)} is not one of the choices (${choiceList(rule)})`;
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
  return `${base}; answers use choice values, not labels: did you mean ${describe(labelled.value)}?`;
}

function choiceList(rule: QuestionRule): string {
  const keys = [...rule.accepted.keys()];
  return keys.length <= 12 ? keys.join(', ') : `${keys.slice(0, 12).join(', ')}, … ${keys.length - 12} more`;
}
