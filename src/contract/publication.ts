import { z } from 'zod';

/** Formats of the key-figures brochure (src/server/public/brochure.ts). */
export const BROCHURE_FORMATS = ['json', 'html', 'pdf', 'docx'] as const;

/** PUT /api/campaigns/:id/indicators */
export const indicatorsBody = z.object({
  /** The indicator file (docs/indicators.md). */
  indicators: z.record(z.string(), z.unknown()),
  /** Confidentiality threshold of public brochures (default 5, never below 3: refused with a clear message). */
  k: z.number().int().min(1).max(1000).nullable().optional(),
});
/** POST /api/campaigns/:id/publish */
export const publishBody = z.object({ published: z.boolean() });
/** GET /api/campaigns/:id/brochure */
export const brochureQuery = z.object({
  /** The territory by id (preferred: names may repeat across the tree). */
  territoryId: z.string().trim().min(1).max(200).optional(),
  territory: z.string().trim().min(1).max(200).optional(),
  level: z.string().trim().min(1).max(100).optional(),
  format: z.enum(BROCHURE_FORMATS).default('json'),
  audience: z.enum(['public', 'admin']).default('public'),
  lang: z.enum(['fr', 'en']).default('fr'),
});
/** GET /api/respond/:token/sheet */
export const sheetQuery = z.object({ format: z.enum(['html', 'pdf', 'json']).default('html') });

/** A frozen publication snapshot, without its content: when, by whom, threshold, responses. */
export const snapshotView = z.object({
  id: z.string(),
  campaignId: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** The author's name, null when the account is gone. */
  createdByName: z.string().nullable(),
  k: z.number(),
  responses: z.number(),
});

/** PUT /api/campaigns/:id/indicators, POST /api/campaigns/:id/publish */
export const publicationSettingsResponse = z.object({
  campaignId: z.string(),
  published: z.boolean(),
  k: z.number().nullable(),
  updatedAt: z.string(),
  /** The snapshot just frozen (publishing only). */
  snapshot: snapshotView.optional(),
});

/** GET /api/campaigns/:id/publication */
export const publicationStateResponse = z.object({
  campaignId: z.string(),
  hasIndicators: z.boolean(),
  published: z.boolean(),
  k: z.number().nullable(),
  updatedAt: z.string().nullable(),
  publicUrl: z.string(),
  /** Publishing freezes a snapshot, which the server refuses while the campaign is open. */
  closed: z.boolean(),
  snapshot: snapshotView.nullable(),
});

/** GET /api/respond/:token/sheet?format=json: the structure's sheet as published (src/publish/sheet). */
export const sheetJson = z
  .looseObject({ structure: z.looseObject({ name: z.string() }) })
  .describe('The sheet model (src/publish/sheet): sent as published, every field kept');
