import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { found } from '../errors.js';
import { assertStructureInScope, requestScope, visibleStructureIds } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { loadVersion } from '../../app/surveys/versions.js';
import type { ZodTypeProvider } from '../openapi.js';
import { campaignExport } from '../../app/exports/campaign.js';
import { structureAnswersPdf } from '../../app/exports/answers-pdf.js';
import { errorResponses, fileResponse, idParams } from '../../contract/common.js';
import { EXPORT_CONTENT_TYPES, exportQuery, structureAnswersParams } from '../../contract/exports.js';

/** Analysts' exports of raw answers, and one structure's answers as PDF (scoped like the report). */
export async function exportRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/campaigns/:id/export',
    {
      config: { access: 'read' },
      schema: {
        tags: ['campaigns'],
        summary:
          'The raw answers for analysts: CSV, XLSX, or R / SPSS data with a labelling script in a .zip (scoped to your territories)',
        params: idParams,
        querystring: exportQuery,
        response: {
          200: fileResponse('The raw answers in the asked format', EXPORT_CONTENT_TYPES),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const campaign = await getCampaign(ctx, request.params.id);
      const { model: survey } = await loadVersion(ctx, campaign.surveyVersionId);
      const visible = await visibleStructureIds(ctx.store, await requestScope(ctx.store, request));
      const file = await campaignExport(ctx.store, { campaign, survey, visible, options: request.query });
      reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    },
  );

  app.get(
    '/api/campaigns/:id/responses/:structureId/answers.pdf',
    {
      config: { access: 'read' },
      schema: {
        tags: ['campaigns'],
        summary: "A structure's answers as a PDF, for the federation's files",
        params: structureAnswersParams,
        response: { 200: fileResponse('The answers as PDF', ['application/pdf']), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, structureId } = request.params;
      const campaign = await getCampaign(ctx, id);
      const structure = found(await ctx.store.structures.get(structureId), 'structure');
      assertStructureInScope(await requestScope(ctx.store, request), structure);
      const { model: survey } = await loadVersion(ctx, campaign.surveyVersionId);
      const file = await structureAnswersPdf(ctx, { campaign, survey, structure });
      reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.body;
    },
  );
}
