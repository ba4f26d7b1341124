import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { getCampaignRules, listAnomalies, putCampaignRules } from '../../app/coherence/index.js';
import { errorResponses, idParams } from '../../contract/common.js';
import { anomaliesResponse, campaignRulesResponse, rulesBody } from '../../contract/coherence.js';

/** Coherence rules of a campaign (admin) and the anomalies of its answers (admins, correspondents). */
export async function coherenceRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['coherence'];
  app.get(
    '/api/campaigns/:id/coherence-rules',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "A campaign's coherence rules",
        params: idParams,
        response: { 200: campaignRulesResponse, ...errorResponses },
      },
    },
    async (request) => getCampaignRules(ctx.store, request.params.id),
  );
  app.put(
    '/api/campaigns/:id/coherence-rules',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "Replace a campaign's coherence rules",
        params: idParams,
        body: rulesBody,
        response: { 200: campaignRulesResponse, ...errorResponses },
      },
    },
    async (request) =>
      putCampaignRules(ctx.store, {
        campaignId: request.params.id,
        rules: request.body,
        actor: currentUser(request).id,
        now: ctx.now().toISOString(),
      }),
  );
  app.get(
    '/api/campaigns/:id/anomalies',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: "Anomalies of a campaign's answers, most severe first (scoped to the caller's territories)",
        params: idParams,
        response: { 200: anomaliesResponse, ...errorResponses },
      },
    },
    async (request) => ({
      anomalies: await listAnomalies(ctx.store, {
        campaignId: request.params.id,
        scope: await requestScope(ctx.store, request),
      }),
    }),
  );
}
