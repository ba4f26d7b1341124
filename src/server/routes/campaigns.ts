import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { PanoramaError } from '../../contract/errors/index.js';
import type { ZodTypeProvider } from '../openapi.js';
import { currentUser } from '../access.js';
import { parseCampaignDate } from '../../app/dates.js';
import { campaignView, getCampaign, toPopulationFilter } from '../campaign-view.js';
import { errorResponses, idParams } from '../../contract/common.js';
import {
  campaignResponse,
  campaignsResponse,
  listCampaignsQuery,
  createCampaignBody,
  updateCampaignBody,
} from '../../contract/campaigns.js';

function checkDates(opensAt: string, closesAt: string): void {
  if (Date.parse(closesAt) <= Date.parse(opensAt)) {
    throw new PanoramaError('campaign_dates_order');
  }
}

export async function campaignRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  app.get(
    '/api/campaigns',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'List campaigns (counts scoped)',
        querystring: listCampaignsQuery,
        response: { 200: campaignsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const archived = request.query.archived ?? 'exclude';
      const campaigns = (await ctx.store.campaigns.list({ activeOnly: archived === 'exclude' })).filter(
        (c) => archived !== 'only' || c.archivedAt,
      );
      const out = [];
      for (const c of campaigns) out.push(await campaignView(ctx, request, c));
      return { campaigns: out };
    },
  );

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign (freezes the survey version, invites the population)',
        body: createCampaignBody,
        response: { 201: campaignResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const body = request.body;
      const survey = await ctx.store.surveys.get(body.surveyId);
      if (!survey) throw new PanoramaError('unknown_reference', { what: 'survey', id: body.surveyId });
      const opensAt = parseCampaignDate(body.opensAt, 'start')!.toISOString();
      const closesAt = parseCampaignDate(body.closesAt, 'end')!.toISOString();
      checkDates(opensAt, closesAt);
      for (const id of body.population?.territoryIds ?? []) {
        if (!(await ctx.store.territories.get(id)))
          throw new PanoramaError('unknown_reference', { what: 'territory', id });
      }
      const filter = toPopulationFilter(body.population);
      const user = currentUser(request);
      const campaign = await ctx.store.transaction(async (repos) => {
        const created = await repos.campaigns.create({
          name: body.name,
          surveyVersionId: survey.latestVersionId,
          opensAt,
          closesAt,
          population: filter,
          publicLink: body.anonymousLink ?? false,
          createdBy: user.id,
        });
        const ids = await repos.structures.matchPopulation(filter);
        await repos.invitations.createForPopulation(created.id, ids);
        await repos.audit.record({
          actor: user.id,
          action: 'campaign.create',
          target: created.id,
          details: { name: body.name, surveyVersionId: survey.latestVersionId, invited: ids.length },
        });
        return created;
      });
      reply.status(201);
      return { campaign: await campaignView(ctx, request, campaign) };
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One campaign',
        params: idParams,
        response: { 200: campaignResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      return { campaign: await campaignView(ctx, request, await getCampaign(ctx, id)) };
    },
  );

  app.patch(
    '/api/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change name, dates or anonymous link',
        params: idParams,
        body: updateCampaignBody,
        response: { 200: campaignResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const existing = await getCampaign(ctx, id);
      const opensAt = body.opensAt
        ? parseCampaignDate(body.opensAt, 'start')!.toISOString()
        : existing.opensAt;
      const closesAt = body.closesAt
        ? parseCampaignDate(body.closesAt, 'end')!.toISOString()
        : existing.closesAt;
      if (closesAt) checkDates(opensAt, closesAt);
      await ctx.store.campaigns.update(id, {
        ...(body.name ? { name: body.name } : {}),
        opensAt,
        closesAt,
      });
      if (body.anonymousLink !== undefined && body.anonymousLink !== Boolean(existing.publicToken)) {
        await ctx.store.campaigns.setPublicLink(id, body.anonymousLink);
      }
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'campaign.update',
        target: id,
        details: body,
      });
      return { campaign: await campaignView(ctx, request, (await ctx.store.campaigns.get(id))!) };
    },
  );
}
