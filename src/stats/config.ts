import { z } from 'zod';
import { parseJsonText } from '../survey/json-position.js';
import type { SurveyModel } from '../survey/model.js';
import { PanoramaError, parseFields } from '../contract/errors/index.js';
import type { ReportConfigProblem } from '../contract/errors/reports.js';

/** A numeric class: min and max are inclusive, null = unbounded. */
export const numericClassSchema = z
  .object({
    /** Row value in the report; defaults to the label. */
    id: z.string().min(1).optional(),
    label: z.string().min(1),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
  })
  .strict()
  .refine((c) => c.min === null || c.max === null || c.min <= c.max, {
    message: 'min must not exceed max',
    params: { problem: 'min_over_max' },
  });
export type NumericClass = z.infer<typeof numericClassSchema>;

export const rowOrderSchema = z.enum(['definition', 'frequency']);
export type RowOrder = z.infer<typeof rowOrderSchema>;

export const questionConfigSchema = z
  .object({
    title: z.string().optional(),
    order: rowOrderSchema.optional(),
    /** Present a number question as a frequency table of classes. */
    classes: z.array(numericClassSchema).min(1).optional(),
    topTerms: z.number().int().positive().optional(),
  })
  .strict();
export type QuestionConfig = z.infer<typeof questionConfigSchema>;

/** The report configuration file (e.g. examples/hdf-2019/report.json). */
export const reportConfigSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    lang: z.enum(['fr', 'en']).optional(),
    quartiles: z.enum(['minitab', 'excel']).optional(),
    base: z.enum(['displayed', 'all']).optional(),
    /** Statistical profile: "panorama" (default) or "limesurvey" (LimeSurvey 6's statistics). */
    profile: z.enum(['panorama', 'limesurvey']).optional(),
    /** Term tables: "grouped" (default: case, plural, elision grouping) or "raw" (every form apart). */
    terms: z.enum(['grouped', 'raw']).optional(),
    /** Row order of every choice table unless a question says otherwise. */
    order: rowOrderSchema.optional(),
    /** Number of terms in the free-text term tables. */
    topTerms: z.number().int().positive().optional(),
    /** Questions left out of the report. */
    exclude: z.array(z.string()).optional(),
    participation: z
      .object({
        /** Registry attribute for participation by group (default: territoire, else the first one). */
        groupBy: z.string().optional(),
        /**
         * "responses": rate = responses / population (LimeSurvey-style reports, e.g. HDF 2019);
         * "structures": rate = distinct responding structures / population (one answer per member).
         */
        rate: z.enum(['responses', 'structures']).optional(),
      })
      .strict()
      .optional(),
    questions: z.record(z.string(), questionConfigSchema).optional(),
  })
  .strict();
export type ReportConfig = z.infer<typeof reportConfigSchema>;

export type ConfigProblem = ReportConfigProblem;

/** A report configuration that does not fit (schema or survey): every problem, worded at the edge. */
export class ReportConfigError extends PanoramaError<'report_config_invalid'> {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super('report_config_invalid', { source, problems });
    this.name = 'ReportConfigError';
  }
}

/** Reads a configuration given as JSON text; `source` names the file in messages. */
export function parseReportConfig(text: string, source = 'report.json'): ReportConfig {
  return validateReportConfig(parseJsonText(text, source), source);
}

export function validateReportConfig(input: unknown, source = 'report configuration'): ReportConfig {
  const parsed = parseFields(reportConfigSchema, input);
  if (!parsed.ok) {
    throw new ReportConfigError(
      source,
      parsed.issues.map((issue) => ({ path: issue.field, issue })),
    );
  }
  return parsed.data;
}

/** Checks that the configuration speaks of questions the survey has, with fitting settings. */
export function checkConfigAgainstSurvey(
  config: ReportConfig,
  survey: SurveyModel,
  source = 'report configuration',
) {
  const problems: ConfigProblem[] = [];
  const known = [...survey.byName.keys()];
  (config.exclude ?? []).forEach((name, i) => {
    if (!survey.byName.has(name)) problems.push({ path: `exclude[${i}]`, unknownQuestion: name, known });
  });
  for (const [name, settings] of Object.entries(config.questions ?? {})) {
    const question = survey.byName.get(name);
    if (!question) {
      problems.push({ path: `questions.${name}`, unknownQuestion: name, known });
      continue;
    }
    if (settings.classes && question.kind !== 'number' && question.kind !== 'rating') {
      problems.push({
        path: `questions.${name}.classes`,
        classesOn: { question: name, kind: question.kind },
      });
    }
  }
  if (problems.length > 0) throw new ReportConfigError(source, problems);
}
