import { z } from 'zod';

/** Deleting and archiving (routes in src/server/routes/archive.ts, rules in src/app/archive). */

export const ARCHIVE_KINDS = ['structure', 'territory', 'survey', 'campaign'] as const;

/** GET /api/archive/:kind/:id and POST …/remove */
export const archiveItemParams = z.object({ kind: z.enum(ARCHIVE_KINDS), id: z.string().min(1) });
/** POST /api/archive/:kind/:id/restore (only structures and campaigns are ever archived) */
export const restoreItemParams = z.object({ kind: z.enum(['structure', 'campaign']), id: z.string().min(1) });

/** What a removal will do, and what the item holds (the confirmation dialog words it). */
export const removalPreview = z.object({
  kind: z.enum(ARCHIVE_KINDS),
  id: z.string(),
  name: z.string(),
  /** delete | archive (it keeps answers) | refuse (409 on removal) | archived (already; restorable) */
  action: z.enum(['delete', 'archive', 'refuse', 'archived']),
  submitted: z.number().int(),
  drafts: z.number().int(),
  invitations: z.number().int(),
  solidarity: z.number().int(),
  structures: z.number().int(),
  children: z.number().int(),
  users: z.number().int(),
  campaigns: z.array(z.string()),
});
export type RemovalPreviewBody = z.infer<typeof removalPreview>;

export const removalPreviewResponse = z.object({ preview: removalPreview });
export const removalResultResponse = z.object({
  done: z.enum(['deleted', 'archived', 'restored', 'unchanged']),
  preview: removalPreview,
});

/** GET /api/demo and POST /api/demo/remove */
export const demoStatusResponse = z.object({
  present: z.boolean(),
  structures: z.number().int(),
  territories: z.number().int(),
  campaigns: z.number().int(),
  surveys: z.number().int(),
  spared: z.array(
    z.object({
      kind: z.enum(ARCHIVE_KINDS),
      id: z.string(),
      name: z.string(),
      reason: z.enum(['edited', 'answered', 'used', 'solidarity', 'users']),
    }),
  ),
});
export type DemoStatusBody = z.infer<typeof demoStatusResponse>;

/** `?archived=` on the structure and campaign lists: hidden by default. */
export const archivedFilter = z.enum(['exclude', 'include', 'only']).optional();
