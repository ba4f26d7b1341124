import { z } from 'zod';

/** GET /api/health */
export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
/** GET /api/health when the database does not answer (503). */
export const healthUnavailableResponse = z.object({
  status: z.literal('unavailable'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  error: z.object({ code: z.string(), message: z.string() }),
});
