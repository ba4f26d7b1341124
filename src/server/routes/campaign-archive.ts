import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { errorResponses, fileResponse } from '../../contract/common.js';
import {
  campaignArchiveImportResponse,
  campaignArchiveMultipart,
  campaignArchiveParams,
  campaignArchivePreviewResponse,
  campaignArchiveUpload,
} from '../../contract/campaign-archive.js';
import {
  exportCampaignArchive,
  importCampaignArchive,
  MAX_ARCHIVE_BYTES,
  previewCampaignArchive,
} from '../../app/campaign-archive/index.js';

/** The uploaded archive (field "file"), refused past MAX_ARCHIVE_BYTES without reading further. */
async function readArchiveUpload(request: FastifyRequest): Promise<{ name: string; bytes: Uint8Array }> {
  if (!request.isMultipart()) throw new PanoramaError('campaign_archive_no_file');
  const part = await request.file({ limits: { fileSize: MAX_ARCHIVE_BYTES, files: 1 } });
  if (!part) throw new PanoramaError('campaign_archive_no_file');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new PanoramaError('campaign_archive_too_large', {
        file: part.filename,
        limit: MAX_ARCHIVE_BYTES,
      });
    throw error;
  }
  return campaignArchiveUpload.parse({ name: (part.filename || 'archive').slice(0, 255), bytes });
}

/** Campaign archives: download one campaign, preview and import an archive (administrators only). */
export async function campaignArchiveRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  app.get(
    '/api/campaigns/:id/archive',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'The campaign archive: questionnaire, registry, invitations, answers and revisions, reviews, publication snapshots (docs/archive-format.md)',
        params: campaignArchiveParams,
        response: {
          200: fileResponse('The archive (gzip of two JSON lines)', ['application/gzip']),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const archive = await exportCampaignArchive(ctx.store, request.params.id, ctx.now());
      reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="${archive.fileName}"`)
        .header('x-content-sha256', archive.sha256);
      return archive.bytes;
    },
  );

  const upload = { tags, body: { content: { 'multipart/form-data': { schema: campaignArchiveMultipart } } } };
  app.post(
    '/api/campaign-archives/preview',
    {
      config: { access: 'admin' },
      schema: {
        ...upload,
        summary:
          'What importing a campaign archive would create and match, and its conflicts; nothing is stored',
        response: { 200: campaignArchivePreviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      preview: await previewCampaignArchive(ctx.store, await readArchiveUpload(request)),
    }),
  );

  app.post(
    '/api/campaign-archives',
    {
      config: { access: 'admin' },
      schema: {
        ...upload,
        summary:
          'Import a campaign archive in one transaction (ids remapped; an archive already imported is refused)',
        response: { 201: campaignArchiveImportResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await importCampaignArchive(ctx.store, await readArchiveUpload(request), {
        actor: currentUser(request).id,
        now: ctx.now(),
      });
      reply.status(201);
      return result;
    },
  );
}
