import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../../survey/json-position.js';
import type { SurveyModel } from '../../survey/model.js';
import type { Registry } from '../../survey/records.js';
import { conditionRefs } from '../conditions.js';
import { indicatorFileSchema, type Indicator, type IndicatorFile } from './schema.js';

export interface IndicatorProblem {
  /** JSON path in the indicator file, e.g. indicators[3].question. */
  path: string;
  message: string;
}

export class IndicatorFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: IndicatorProblem[],
  ) {
    super(
      `${file}: invalid indicator file:\n${problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n')}`,
    );
    this.name = 'IndicatorFileError';
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
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
    if (seen.has(ind.id)) problems.push({ path: `${at}.id`, message: `duplicate id "${ind.id}"` });
    seen.add(ind.id);
    for (const q of questionsOf(ind)) {
      if (!known(q))
        problems.push({ path: at, message: `unknown question "${q}" (not in the survey definition)` });
    }
    const refs = [conditionRefs(ind.where), ind.kind === 'share' ? conditionRefs(ind.condition) : undefined];
    for (const r of refs) {
      for (const q of r?.questions ?? []) {
        if (!known(q)) problems.push({ path: at, message: `condition refers to unknown question "${q}"` });
      }
      for (const a of r?.attributes ?? []) {
        if (registry && !attrs.has(a)) {
          problems.push({
            path: at,
            message: `condition refers to unknown registry attribute "${a}" (known: ${[...attrs].join(', ')})`,
          });
        }
      }
    }
    if ((ind.kind === 'count' && ind.of !== 'responses') || ind.kind === 'participation') {
      if (!registry)
        problems.push({ path: at, message: `needs a registry (structures.csv) but the campaign has none` });
    }
  });
  file.sections.forEach((s, i) => {
    for (const id of s.indicators) {
      if (!seen.has(id))
        problems.push({ path: `sections[${i}].indicators`, message: `unknown indicator id "${id}"` });
    }
    for (const q of s.charts) {
      const def = survey.byName.get(q);
      if (!def) problems.push({ path: `sections[${i}].charts`, message: `unknown question "${q}"` });
      else if (def.choices.length === 0)
        problems.push({ path: `sections[${i}].charts`, message: `question "${q}" has no choices to chart` });
    }
  });
  return problems;
}

export function parseIndicatorFile(json: unknown, file = 'indicators.json'): IndicatorFile {
  const parsed = indicatorFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new IndicatorFileError(
      file,
      parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
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
    throw new IndicatorFileError(path, [{ path: '', message: 'file not found or not readable' }]);
  }
  let json: unknown;
  try {
    json = parseJsonText(text, path);
  } catch (err) {
    throw new IndicatorFileError(path, [
      { path: '', message: (err as Error).message.replace(`${path}: `, '') },
    ]);
  }
  const file = parseIndicatorFile(json, path);
  if (survey) {
    const problems = checkReferences(file, survey, registry);
    if (problems.length) throw new IndicatorFileError(path, problems);
  }
  return file;
}
