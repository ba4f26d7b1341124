import type { FastifyRequest } from 'fastify';
import type { Campaign, PopulationFilter } from '../store/index.js';
import type { ServerContext } from './context.js';
import { requestScope, visibleStructureIds } from './access.js';
import { found } from './errors.js';
import { campaignState } from '../app/campaigns/state.js';

/** The API's population shape: attributes as key → value (or values); type and qpv map to columns. */
export interface PopulationInput {
  territoryIds?: string[];
  attributes?: Record<string, string | string[]>;
}

export function toPopulationFilter(input: PopulationInput | undefined): PopulationFilter {
  const filter: PopulationFilter = {};
  if (input?.territoryIds?.length) filter.territoryIds = input.territoryIds;
  for (const [key, raw] of Object.entries(input?.attributes ?? {})) {
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    if (key === 'type') filter.types = values.map((v) => v.toUpperCase()) as ('CS' | 'EVS')[];
    else if (key === 'qpv') filter.qpv = ['oui', 'true', '1', 'yes'].includes(values[0]!.toLowerCase());
    else (filter.attributes ??= {})[key] = values;
  }
  return filter;
}

export function fromPopulationFilter(filter: PopulationFilter): PopulationInput {
  const attributes: Record<string, string | string[]> = { ...(filter.attributes ?? {}) };
  if (filter.types?.length) attributes.type = filter.types;
  if (filter.qpv !== undefined) attributes.qpv = filter.qpv ? 'oui' : 'non';
  return {
    ...(filter.territoryIds?.length ? { territoryIds: filter.territoryIds } : {}),
    ...(Object.keys(attributes).length ? { attributes } : {}),
  };
}

export async function getCampaign(ctx: ServerContext, id: string): Promise<Campaign> {
  const campaign = found(await ctx.store.campaigns.get(id), 'campaign');
  return campaign;
}

export async function campaignView(ctx: ServerContext, request: FastifyRequest, campaign: Campaign) {
  const version = await ctx.store.surveys.getVersion(campaign.surveyVersionId);
  const survey = version ? await ctx.store.surveys.get(version.surveyId) : undefined;
  const structureIds = await visibleStructureIds(ctx.store, await requestScope(ctx.store, request));
  const counts =
    structureIds && structureIds.length === 0
      ? { not_started: 0, in_progress: 0, submitted: 0 }
      : await ctx.store.invitations.countByStatus(campaign.id, structureIds ? { structureIds } : {});
  return {
    id: campaign.id,
    name: campaign.name,
    surveyId: version?.surveyId ?? null,
    surveyVersionId: campaign.surveyVersionId,
    surveyTitle: survey?.title ?? null,
    surveyVersion: version?.version ?? null,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    state: campaignState(campaign, ctx.now()),
    population: fromPopulationFilter(campaign.population),
    publicLink: campaign.publicToken ? `${ctx.config.baseUrl}/p/${campaign.publicToken}` : null,
    invitations: counts.not_started + counts.in_progress + counts.submitted,
    submitted: counts.submitted,
    inProgress: counts.in_progress,
    createdAt: campaign.createdAt,
    archivedAt: campaign.archivedAt ?? null,
  };
}
