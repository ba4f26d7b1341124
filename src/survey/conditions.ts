import { ConditionRunner } from 'survey-core';
import type { QuestionDef, SurveyModel } from './model.js';

export type ResponseData = Record<string, unknown>;

/**
 * Evaluates `visibleIf` conditions with survey-core. Results are memoised on the values of the
 * variables a condition reads: closed questions have few distinct values, so a million responses
 * cost a few thousand real evaluations while keeping survey-core's exact semantics.
 */
export class ConditionEvaluator {
  private readonly runners = new Map<string, CompiledCondition>();

  constructor(private readonly maxCacheEntries = 4096) {}

  evaluate(condition: string, data: ResponseData): boolean {
    let compiled = this.runners.get(condition);
    if (!compiled) {
      const runner = new ConditionRunner(condition);
      compiled = { runner, variables: runner.getVariables(), cache: new Map() };
      this.runners.set(condition, compiled);
    }
    const key = cacheKey(compiled.variables, data);
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
  cache: Map<string, boolean>;
}

function cacheKey(variables: string[], data: ResponseData): string | undefined {
  let key = '';
  for (const variable of variables) {
    const value = lookup(data, variable);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
    if (typeof value === 'string' && value.length > 64) return undefined;
    key += JSON.stringify(value ?? null) + '\u0000';
  }
  return key;
}

function lookup(data: ResponseData, variable: string): unknown {
  if (variable in data) return data[variable];
  const dot = variable.indexOf('.');
  if (dot < 0) return undefined;
  const parent = data[variable.slice(0, dot)];
  return parent && typeof parent === 'object' ? { nested: true } : undefined;
}
