import { z } from 'zod';

const stringOrList = z.union([z.string(), z.array(z.string())]);
/** GET /api/campaigns/:id/report */
export const reportQuery = z.object({
  format: z.enum(['json', 'html', 'docx', 'xlsx', 'pdf', 'csv']).default('json'),
  where: stringOrList.optional(),
  by: z.string().trim().min(1).max(100).optional(),
  lang: z.enum(['fr', 'en']).default('fr'),
  quartiles: z.enum(['minitab', 'excel']).optional(),
  base: z.enum(['displayed', 'all']).optional(),
  /** Only the answers validated by a correspondent (src/app/review); named in the report's notes. */
  validatedOnly: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});

/** The content types of the report formats (the JSON one is the report model, docs/report-model). */
export const REPORT_CONTENT_TYPES = [
  'application/json',
  'text/html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
  'text/csv',
] as const;
