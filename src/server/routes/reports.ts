import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { requestScope, visibleStructureIds } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { loadVersion } from '../../app/surveys/versions.js';
import type { ZodTypeProvider } from '../openapi.js';
import { campaignReport } from '../../app/reports/campaign.js';
import { errorResponses, fileResponse, idParams } from '../../contract/common.js';
import { REPORT_CONTENT_TYPES, reportQuery } from '../../contract/reports.js';

export async function reportRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/campaigns/:id/report',
    {
      config: { access: 'read' },
      schema: {
        tags: ['campaigns'],
        summary:
          "The campaign's report in any format, or its raw answers as CSV (scoped to your territories)",
        params: idParams,
        querystring: reportQuery,
        response: {
          200: fileResponse(
            'The report in the asked format (json: the report model; csv: the raw answers)',
            REPORT_CONTENT_TYPES,
          ),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const campaign = await getCampaign(ctx, request.params.id);
      const { model: survey } = await loadVersion(ctx, campaign.surveyVersionId);
      const visible = await visibleStructureIds(ctx.store, await requestScope(ctx.store, request));
      const report = await campaignReport(ctx, { campaign, survey, visible, options: request.query });
      reply.type(report.contentType);
      if (!report.inline) reply.header('content-disposition', `attachment; filename="${report.fileName}"`);
      return report.body;
    },
  );
}
