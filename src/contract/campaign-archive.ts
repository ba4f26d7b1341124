import { z } from 'zod';

/**
 * Campaign archives (src/app/campaign-archive, docs/archive-format.md): export one campaign to a
 * file, preview what importing it would create or match, import it.
 *   GET  /api/campaigns/:id/archive      the file (application/gzip)
 *   POST /api/campaign-archives/preview  multipart, field "file" → campaignArchivePreviewResponse
 *   POST /api/campaign-archives          multipart, field "file" → campaignArchiveImportResponse
 */

export const campaignArchiveParams = z.object({ id: z.string().min(1) });

/** The multipart body of both POST routes (documented for OpenAPI; read as a stream). */
export const campaignArchiveUpload = z.object({
  file: z.string().describe('the archive file (.panorama-campaign.json.gz)'),
});

const action = z.enum(['create', 'match']);

export const campaignArchivePreview = z.object({
  campaign: z.object({
    identity: z.string(),
    name: z.string(),
    surveyTitle: z.string(),
    exportedAt: z.string(),
    appVersion: z.string(),
    schemaVersion: z.string(),
    sourceDialect: z.enum(['sqlite', 'postgres']),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
  }),
  counts: z.object({
    invitations: z.number().int(),
    responses: z.number().int(),
    submitted: z.number().int(),
    revisions: z.number().int(),
    reviews: z.number().int(),
    auditEntries: z.number().int(),
    snapshots: z.number().int(),
  }),
  questionnaire: z.object({ action, title: z.string(), version: z.number().int() }),
  structures: z.object({
    create: z.number().int(),
    match: z.number().int(),
    items: z.array(z.object({ id: z.string(), name: z.string(), action, targetName: z.string().nullable() })),
  }),
  territories: z.object({
    create: z.number().int(),
    match: z.number().int(),
    items: z.array(z.object({ code: z.string().nullable(), name: z.string(), level: z.string(), action })),
  }),
  /** Things the import resolves in a way the administrator should know about. */
  conflicts: z.array(
    z.object({
      kind: z.enum(['structure_name', 'territory_name', 'token_reused', 'public_link']),
      subject: z.string(),
      archived: z.string(),
      existing: z.string(),
    }),
  ),
  /** Set when this campaign is already in this Panorama: importing it is refused. */
  alreadyImported: z.object({ campaignId: z.string(), name: z.string() }).nullable(),
});
export type CampaignArchivePreview = z.infer<typeof campaignArchivePreview>;

export const campaignArchivePreviewResponse = z.object({ preview: campaignArchivePreview });

export const campaignArchiveImportResponse = z.object({
  campaignId: z.string(),
  name: z.string(),
  preview: campaignArchivePreview,
});
export type CampaignArchiveImportResult = z.infer<typeof campaignArchiveImportResponse>;
