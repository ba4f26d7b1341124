import { ConditionRunner } from 'survey-core';
import type { QuestionDef, SurveyModel } from './model.js';

export type ResponseData = Record<string, unknown>;

/** Strings longer than this are free text: caching on them would only fill the cache. */
const MAX_CACHED_STRING = 64;

/**
 * Evaluates `visibleIf` conditions with survey-core. Results are memoised on the values of the
 * variables a condition reads: closed questions have few distinct values, so a million responses
 * cost a few thousand real evaluations while keeping survey-core's exact semantics.
 *
 * Most conditions read one plain variable (`{q} = 'a'`): their cache is keyed by that variable's
 * primitive value itself, which avoids building a string key per condition per response.
 */
export class ConditionEvaluator {
  private readonly runners = new Map<string, CompiledCondition>();

  private readonly known?: KnownKeys;

  /**
   * `knownKeys`: when every data object only ever has keys from this list (validated responses:
   * question names and comment keys), whether a variable has a case variant is decided once from
   * the list instead of by scanning each response's keys.
   */
  constructor(
    private readonly maxCacheEntries = 4096,
    knownKeys?: Iterable<string>,
  ) {
    if (knownKeys) {
      const exact = new Set(knownKeys);
      const lower = new Map<string, number>();
      for (const key of exact) lower.set(key.toLowerCase(), (lower.get(key.toLowerCase()) ?? 0) + 1);
      this.known = { exact, lower };
    }
  }

  evaluate(condition: string, data: ResponseData): boolean {
    let compiled = this.runners.get(condition);
    if (!compiled) {
      compiled = compile(condition, this.known);
      this.runners.set(condition, compiled);
    }
    if (compiled.single !== undefined) {
      const value = data[compiled.single];
      if (
        isPrimitiveKey(value) &&
        (value !== undefined || !compiled.variantsPossible || !hasCaseVariant(data, compiled.single))
      ) {
        const cache = compiled.byValue;
        const hit = cache.get(value);
        if (hit !== undefined) return hit;
        const result = compiled.runner.runValues(data) === true;
        if (cache.size < this.maxCacheEntries) cache.set(value, result);
        return result;
      }
    }
    const key = cacheKey(compiled, data);
    if (key !== undefined) {
      const hit = compiled.cache.get(key);
      if (hit !== undefined) return hit;
    }
    const result = compiled.runner.runValues(data) === true;
    if (key !== undefined && compiled.cache.size < this.maxCacheEntries) compiled.cache.set(key, result);
    return result;
  }

  /** True when every condition that guards the question (page, panels, own) holds. */
  isDisplayed(question: QuestionDef, data: ResponseData): boolean {
    for (const condition of question.visibleIf) if (!this.evaluate(condition, data)) return false;
    return true;
  }

  /** Names of the questions displayed for this response, in survey order. */
  displayedQuestions(survey: SurveyModel, data: ResponseData): QuestionDef[] {
    return survey.questions.filter((q) => this.isDisplayed(q, data));
  }
}

interface CompiledCondition {
  runner: ConditionRunner;
  variables: string[];
  /** The only variable read, when there is exactly one and it is a plain (undotted) name. */
  single?: string;
  /** Cache of a single-variable condition, keyed by the variable's primitive value. */
  byValue: Map<unknown, boolean>;
  /** False when the known keys prove no response can hold a case variant of a variable. */
  variantsPossible: boolean;
  /** Cache keyed by the JSON of every variable's value (several variables, arrays, paths). */
  cache: Map<string, boolean>;
}

interface KnownKeys {
  exact: Set<string>;
  /** Lower-cased key → how many known keys share it. */
  lower: Map<string, number>;
}

function compile(condition: string, known: KnownKeys | undefined): CompiledCondition {
  const runner = new ConditionRunner(condition);
  const variables = runner.getVariables();
  const only = variables.length === 1 ? variables[0]! : undefined;
  const single = only !== undefined && !only.includes('.') && !only.includes('[') ? only : undefined;
  const variantsPossible =
    !known ||
    variables.some((variable) => {
      const root = variable.split('.')[0]!;
      // A known key spelled differently from the root, with the same lower case.
      return (known.lower.get(root.toLowerCase()) ?? 0) > (known.exact.has(root) ? 1 : 0);
    });
  return { runner, variables, single, byValue: new Map(), cache: new Map(), variantsPossible };
}

function isPrimitiveKey(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length <= MAX_CACHED_STRING;
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    default:
      return value === null;
  }
}

function cacheKey(compiled: CompiledCondition, data: ResponseData): string | undefined {
  let key = '';
  for (const variable of compiled.variables) {
    const value = lookup(data, variable, compiled.variantsPossible);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
    if (typeof value === 'string' && value.length > MAX_CACHED_STRING) return undefined;
    key += JSON.stringify(value ?? null) + '\u0000';
  }
  return key;
}

/**
 * survey-core resolves variable names case-insensitively ({a} reads A): when the exact name is
 * absent but a case variant is present, the value is not what the cache would key on.
 */
function hasCaseVariant(data: ResponseData, variable: string): boolean {
  const lower = variable.toLowerCase();
  for (const key in data) {
    if (key.length === variable.length && key !== variable && key.toLowerCase() === lower) return true;
  }
  return false;
}

function lookup(data: ResponseData, variable: string, variantsPossible: boolean): unknown {
  if (variable in data) return data[variable];
  if (variantsPossible && hasCaseVariant(data, variable.split('.')[0]!)) return { caseVariant: true };
  const dot = variable.indexOf('.');
  if (dot < 0) return undefined;
  const parent = data[variable.slice(0, dot)];
  return parent && typeof parent === 'object' ? { nested: true } : undefined;
}
