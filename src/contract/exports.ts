import { z } from 'zod';

/** The analysts' exports of raw answers: CSV, XLSX, and R / SPSS bundles (data + labelling script). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'r', 'spss'] as const;

// A query string says "true"/"1"; the web page and an already-read query pass a boolean.
const flag = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);

/**
 * GET /api/campaigns/:id/export: the options of an export of raw answers, read by
 * src/app/exports. R and SPSS always hold codes and one column per choice (labels in the script).
 */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /** Answers as their codes (`en_progression`) or their labels ("En progression"). */
  values: z.enum(['codes', 'labels']).default('codes'),
  /** A multiple-choice question as one 0/1 column per choice, or one cell joined by " | ". */
  choices: z.enum(['columns', 'cell']).default('columns'),
  /** The structure's name and registry columns (territories, type…); default true. */
  registry: flag.optional(),
  /** Labels and CSV conventions: fr (`;`, 12,5, 15/03/2024 14:30 Paris) or en. Default fr. */
  lang: z.enum(['fr', 'en']).optional(),
  /** Only the answers validated by a correspondent (src/app/review). */
  validatedOnly: flag.optional(),
});
export type ExportQueryInput = z.input<typeof exportQuery>;

export const EXPORT_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
] as const;

/** GET /api/campaigns/:id/responses/:structureId/answers.pdf */
export const structureAnswersParams = z.object({ id: z.string().min(1), structureId: z.string().min(1) });
