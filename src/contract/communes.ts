import { z } from 'zod';

/** At most this many communes per answer: enough to pick from, never the whole country. */
export const COMMUNE_SEARCH_LIMIT = 20;
/** At most this many codes resolved in one request (one page of the registry). */
export const COMMUNE_CODES_LIMIT = 500;

/**
 * GET /api/communes?q=lille (a name, accents and hyphens optional, or the start of an INSEE code)
 * or ?codes=59350,62041 (the names of codes already stored).
 */
export const communesQuery = z
  .object({
    q: z.string().trim().min(2).max(80).optional(),
    codes: z
      .string()
      .max(COMMUNE_CODES_LIMIT * 6)
      .transform((text) =>
        [...new Set(text.split(',').map((code) => code.trim().toUpperCase()))].filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[0-9AB]{5}$/)).max(COMMUNE_CODES_LIMIT))
      .optional(),
    limit: z.coerce.number().int().min(1).max(COMMUNE_SEARCH_LIMIT).default(10),
  })
  .refine((query) => query.q !== undefined || query.codes !== undefined, {
    message: 'q or codes is required',
    path: ['q'],
  });

export const communeItem = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.object({ code: z.string(), name: z.string() }),
});

export const communesResponse = z.object({
  communes: z.array(communeItem),
  /** True when more communes match than the answer holds (type more letters). */
  truncated: z.boolean(),
});

export type CommuneItem = z.infer<typeof communeItem>;
export type CommunesResponse = z.infer<typeof communesResponse>;
