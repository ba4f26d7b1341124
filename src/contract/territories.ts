import { z } from 'zod';

export const territory = z.object({
  id: z.string(),
  name: z.string(),
  /** 'region' | 'departement' | 'territoire' or any free text. */
  level: z.string(),
  code: z.string().nullable(),
  parentId: z.string().nullable(),
});

/** POST /api/territories */
export const createTerritoryBody = z.object({
  name: z.string().trim().min(1).max(200),
  level: z.string().trim().min(1).max(50),
  code: z.string().trim().min(1).max(50).nullable().optional(),
  parentId: z.string().min(1).nullable().optional(),
});

/** GET /api/territories */
export const territoriesResponse = z.object({ territories: z.array(territory) });
/** POST /api/territories (201) */
export const territoryResponse = z.object({ territory });
