import { z } from 'zod';

/** The formats of a report: the report model (json), its documents, and the raw answers (csv). */
export const REPORT_FORMATS = ['json', 'html', 'docx', 'xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const stringOrList = z.union([z.string(), z.array(z.string())]);

/**
 * The options of a report, the same for every caller: the query of
 * GET /api/campaigns/:id/report, the options of `panorama report`, and the web results page.
 * Read by the report use case (src/app/reports).
 */
export const reportOptions = z.object({
  format: z.enum(REPORT_FORMATS).default('json'),
  /** KEY=VALUE filters (a registry attribute, else a question); all must hold. */
  where: stringOrList.optional(),
  /** Split every table by a registry attribute or a single-choice question. */
  by: z.string().trim().min(1).max(100).optional(),
  /** The report's language (default: the configuration's, else the survey's). */
  lang: z.enum(['fr', 'en']).optional(),
  quartiles: z.enum(['minitab', 'excel']).optional(),
  base: z.enum(['displayed', 'all']).optional(),
  /** Statistical profile: "panorama" (default) or "limesurvey" (LimeSurvey 6's statistics). */
  profile: z.enum(['panorama', 'limesurvey']).optional(),
  /** Term tables: "grouped" (default) or "raw" (the reference reports' counting). */
  terms: z.enum(['grouped', 'raw']).optional(),
  /** Only the answers validated by a correspondent (src/app/review); named in the report's notes. */
  // A query string says "true"/"1"; the web page and an already-read query pass a boolean.
  validatedOnly: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')])
    .optional(),
});
export type ReportOptionsInput = z.input<typeof reportOptions>;
export type ReportOptions = z.output<typeof reportOptions>;

/** GET /api/campaigns/:id/report */
export const reportQuery = reportOptions;

/** The content types of the report formats (the JSON one is the report model, docs/report-model). */
export const REPORT_CONTENT_TYPES = [
  'application/json',
  'text/html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
  'text/csv',
] as const;
