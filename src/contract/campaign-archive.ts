import { z } from 'zod';

/**
 * Campaign archives (src/app/campaign-archive, docs/archive-format.md): export one campaign to a
 * file, preview what importing it would create or match, import it.
 *   GET  /api/campaigns/:id/archive      the file (application/gzip)
 *   POST /api/campaign-archives/preview  multipart, field "file" → campaignArchivePreviewResponse
 *   POST /api/campaign-archives          multipart, field "file" → campaignArchiveImportResponse
 */

export const campaignArchiveParams = z.object({ id: z.string().min(1) });

/** The multipart body of both POST routes, for OpenAPI (the file is read as a bounded stream). */
export const campaignArchiveMultipart = {
  type: 'object',
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'The campaign archive (.panorama-campaign.json.gz)',
    },
  },
  required: ['file'],
} as const;

/** What the route reads from the multipart body before handing it to the use case. */
export const campaignArchiveUpload = z.object({
  name: z.string().max(255),
  bytes: z.instanceof(Uint8Array),
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
