import { readFile } from 'node:fs/promises';
import {
  errorMessage,
  fieldIssues,
  PanoramaError,
  wordFieldIssue,
  type ErrorCode,
  type ErrorParamsOf,
} from '../../contract/errors/index.js';
import type { IndicatorProblemData } from '../../contract/errors/publish-files.js';
import { JsonSyntaxError, parseJsonText } from '../../survey/json-position.js';
import type { SurveyModel } from '../../survey/model.js';
import type { Registry } from '../../survey/records.js';
import { conditionRefs } from '../conditions.js';
import { indicatorFileSchema, type Indicator, type IndicatorFile } from './schema.js';

/**
 * One problem of an indicator file, at a JSON path (e.g. indicators[3].question): `code`/`params`
 * (or a zod `issue`) word it in the user's language at the edge; `message` is English, for logs.
 */
export type IndicatorProblem = IndicatorProblemData;

/** Every problem of an indicator file; worded in the user's language at the edge. */
export class IndicatorFileError extends PanoramaError<'indicator_file_invalid'> {
  constructor(
    readonly file: string,
    readonly problems: IndicatorProblem[],
  ) {
    super('indicator_file_invalid', { file, problems });
    this.name = 'IndicatorFileError';
  }
}

/** A coded problem at `path`, with its English text for logs. */
function problem<C extends ErrorCode>(path: string, code: C, params: ErrorParamsOf<C>): IndicatorProblem {
  return { path, code, params, message: errorMessage(code, params, 'en') };
}

function questionsOf(ind: Indicator): string[] {
  const own: string[] = [];
  if ('question' in ind) own.push(ind.question);
  if (ind.kind === 'ratio') own.push(ind.numerator, ind.denominator);
  if (ind.kind === 'change') own.push(ind.previousQuestion);
  return own;
}

/** Checks that every question, attribute and section reference exists, so a typo fails loudly. */
export function checkReferences(
  file: IndicatorFile,
  survey: SurveyModel,
  registry: Registry | undefined,
): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const known = (name: string) => survey.byName.has(name);
  const attrs = new Set(registry?.attributes ?? []);
  const seen = new Set<string>();
  file.indicators.forEach((ind, i) => {
    const at = `indicators[${i}] (${ind.id})`;
    if (seen.has(ind.id)) problems.push(problem(`${at}.id`, 'indicator_duplicate_id', { id: ind.id }));
    seen.add(ind.id);
    for (const q of questionsOf(ind)) {
      if (!known(q)) problems.push(problem(at, 'indicator_unknown_question', { question: q }));
    }
    const refs = [conditionRefs(ind.where), ind.kind === 'share' ? conditionRefs(ind.condition) : undefined];
    for (const r of refs) {
      for (const q of r?.questions ?? []) {
        if (!known(q)) problems.push(problem(at, 'indicator_condition_question', { question: q }));
      }
      for (const a of r?.attributes ?? []) {
        if (registry && !attrs.has(a)) {
          problems.push(problem(at, 'indicator_condition_attribute', { attribute: a, known: [...attrs] }));
        }
      }
    }
    if ((ind.kind === 'count' && ind.of !== 'responses') || ind.kind === 'participation') {
      if (!registry) problems.push(problem(at, 'indicator_needs_registry', undefined));
    }
  });
  file.sections.forEach((s, i) => {
    for (const id of s.indicators) {
      if (!seen.has(id))
        problems.push(problem(`sections[${i}].indicators`, 'indicator_unknown_indicator', { id }));
    }
    for (const q of s.charts) {
      const def = survey.byName.get(q);
      if (!def)
        problems.push(problem(`sections[${i}].charts`, 'indicator_unknown_question', { question: q }));
      else if (def.choices.length === 0)
        problems.push(problem(`sections[${i}].charts`, 'indicator_chart_no_choices', { question: q }));
    }
  });
  return problems;
}

export function parseIndicatorFile(json: unknown, file = 'indicators.json'): IndicatorFile {
  const parsed = indicatorFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    // zod's own text is never shown: each issue is kept as data and worded at the edge.
    throw new IndicatorFileError(
      file,
      fieldIssues(parsed.error.issues).map((issue) => ({
        path: issue.field,
        issue: { ...issue, field: '' },
        message: wordFieldIssue({ ...issue, field: '' }, 'en'),
      })),
    );
  }
  return parsed.data;
}

export async function loadIndicatorFile(
  path: string,
  survey?: SurveyModel,
  registry?: Registry,
): Promise<IndicatorFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new IndicatorFileError(path, [problem('', 'indicator_file_unreadable', undefined)]);
  }
  let json: unknown;
  try {
    json = parseJsonText(text, path);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      const { line, column, near } = err;
      throw new IndicatorFileError(path, [
        { ...problem('', 'json_invalid', near === undefined ? {} : { near }), line, column },
      ]);
    }
    if (err instanceof PanoramaError) {
      throw new IndicatorFileError(path, [
        { path: '', code: err.code, params: err.params, message: err.messageIn('en') },
      ]);
    }
    throw err;
  }
  const file = parseIndicatorFile(json, path);
  if (survey) {
    const problems = checkReferences(file, survey, registry);
    if (problems.length) throw new IndicatorFileError(path, problems);
  }
  return file;
}
