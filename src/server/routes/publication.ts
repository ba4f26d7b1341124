import type { FastifyInstance } from 'fastify';
import { documentCover } from '../../app/identity/index.js';
import type { ServerContext } from '../context.js';
import { forbidden, found } from '../errors.js';
import type { ZodTypeProvider } from '../openapi.js';
import { currentUser, inScope, requestScope } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import {
  brochureBytes,
  brochureDownload,
  brochureModel,
  preparePublication,
} from '../../app/publication/brochure.js';
import { downloadName } from '../../app/download.js';
import { campaignData as publishCampaignOf } from '../../app/publication/data.js';
import { checkK, currentSnapshot, publishSnapshot } from '../../app/publication/snapshot.js';
import { PanoramaError } from '../../contract/errors/index.js';
import type { ServerContext as Ctx } from '../context.js';
import type { SnapshotInfo } from '../../store/index.js';
import { errorResponses, fileResponse, idParams, tokenParams } from '../../contract/common.js';
import {
  brochureQuery,
  indicatorsBody,
  publicationSettingsResponse,
  publicationStateResponse,
  publishBody,
  sheetJson,
  sheetQuery,
} from '../../contract/publication.js';

export async function publicationRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['publication'];

  app.put(
    '/api/campaigns/:id/indicators',
    {
      schema: {
        tags,
        summary: "Store the campaign's indicator file (checked against its survey and registry)",
        params: idParams,
        body: indicatorsBody,
        response: { 200: publicationSettingsResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const campaign = await getCampaign(ctx, id);
      if (body.k != null) checkK(body.k);
      const { parseIndicatorFile, checkReferences, IndicatorFileError } =
        await import('../../publish/index.js');
      const data = await publishCampaignOf(ctx.store, campaign);
      let problems;
      try {
        problems = checkReferences(parseIndicatorFile(body.indicators), data.survey, data.registry);
      } catch (err) {
        if (!(err instanceof IndicatorFileError)) throw err;
        problems = err.problems;
      }
      if (problems.length) {
        throw new PanoramaError('invalid_indicators', {
          count: problems.length,
          paths: problems.slice(0, 5).map((p) => p.path || '(racine)'),
        }).with(problems);
      }
      const saved = await ctx.store.publications.setIndicators(
        campaign.id,
        body.indicators,
        body.k ?? null,
        ctx.now().toISOString(),
      );
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'campaign.indicators',
        target: campaign.id,
        details: { k: saved.k },
      });
      return { campaignId: campaign.id, published: saved.published, k: saved.k, updatedAt: saved.updatedAt };
    },
  );

  app.get(
    '/api/campaigns/:id/publication',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: "The campaign's publication settings (indicator file present, published, k)",
        params: idParams,
        response: { 200: publicationStateResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const campaign = await getCampaign(ctx, id);
      const saved = await ctx.store.publications.get(campaign.id);
      const snapshot = saved?.snapshotId
        ? (await ctx.store.publications.listSnapshots(campaign.id)).find((x) => x.id === saved.snapshotId)
        : undefined;
      return {
        campaignId: campaign.id,
        hasIndicators: saved?.indicators != null,
        published: saved?.published ?? false,
        k: saved?.k ?? null,
        updatedAt: saved?.updatedAt ?? null,
        publicUrl: `/public/campagnes/${encodeURIComponent(campaign.id)}`,
        closed: campaign.closesAt !== null && Date.parse(campaign.closesAt) <= ctx.now().getTime(),
        snapshot: snapshot ? await snapshotView(ctx, snapshot) : null,
      };
    },
  );

  app.post(
    '/api/campaigns/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish a closed campaign as a frozen snapshot of its protected results (refused while open), or hide it from /public',
        params: idParams,
        body: publishBody,
        response: { 200: publicationSettingsResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const { published } = request.body;
      const campaign = await getCampaign(ctx, id);
      const actor = currentUser(request).id;
      if (published) {
        const info = await publishSnapshot(ctx, { campaignId: campaign.id, actorId: actor });
        const saved = (await ctx.store.publications.get(campaign.id))!;
        return {
          campaignId: campaign.id,
          published: saved.published,
          k: saved.k,
          updatedAt: saved.updatedAt,
          snapshot: await snapshotView(ctx, info),
        };
      }
      const saved = await ctx.store.publications.setPublished(campaign.id, false, ctx.now().toISOString());
      await ctx.store.audit.record({ actor, action: 'campaign.unpublish', target: campaign.id });
      return { campaignId: campaign.id, published: saved.published, k: saved.k, updatedAt: saved.updatedAt };
    },
  );

  app.get(
    '/api/campaigns/:id/brochure',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary:
          'Key-figures brochure of the network or of one territory (scoped: correspondents get only their territories)',
        params: idParams,
        querystring: brochureQuery,
        response: {
          200: fileResponse('The brochure (json: its figures)', [
            'application/json',
            'text/html',
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          ]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const query = request.query;
      const campaign = await getCampaign(ctx, id);
      const user = currentUser(request);
      if (query.audience === 'admin' && user.role === 'viewer') {
        throw forbidden('internal_brochure');
      }
      // Scope first, by territory id: a correspondent learns nothing outside their territories,
      // and a territory named like one of theirs is still another territory.
      const scope = await requestScope(ctx.store, request);
      if (!scope.all) await assertNamedTerritoryInScope(ctx, scope, query);
      const prepared = await preparePublication(ctx.store, campaign);
      const target = await resolveTerritory(ctx, {
        ...query,
        level: query.level ?? prepared.file.territoryAttribute,
      });
      // The level may come from the indicator file: the territory it resolves to is checked again.
      if (!scope.all && (!target || !inScope(scope, target.id)))
        throw new PanoramaError('territory_out_of_scope', { name: target?.name ?? query.territory ?? '' });
      const model = await brochureModel(prepared, {
        territory: target?.name ?? query.territory,
        level: target?.level ?? query.level ?? prepared.file.territoryAttribute,
        audience: query.audience,
        lang: query.lang,
        ...(target ? { structureIds: target.structureIds } : {}),
      });
      const body = await brochureBytes(
        model,
        query.format,
        (task) => ctx.renders.render(task),
        await documentCover(ctx.store),
      );
      const brochure = brochureDownload(campaign.name, model.territory?.name, query.format, body);
      reply.type(brochure.contentType);
      if (!brochure.inline)
        reply.header('content-disposition', `attachment; filename="${brochure.fileName}"`);
      return brochure.body;
    },
  );

  app.get(
    '/api/respond/:token/sheet',
    {
      schema: {
        tags: ['respondent'],
        summary:
          "The structure's sheet: its values beside the quartiles of its territory, the network and similar structures",
        params: tokenParams,
        querystring: sheetQuery,
        response: {
          200: fileResponse('The sheet as HTML, PDF or JSON', ['text/html', 'application/pdf'], sheetJson),
          ...errorResponses,
        },
      },
      config: { access: 'respondent' },
    },
    async (request, reply) => {
      const { token } = request.params;
      const { format } = request.query;
      const invitation = found(await ctx.store.invitations.findByToken(token), 'survey_link');
      if (invitation.structureId === null) {
        throw new PanoramaError('sheet_no_structure');
      }
      if (invitation.status !== 'submitted') {
        throw new PanoramaError('sheet_not_submitted');
      }
      const campaign = await getCampaign(ctx, invitation.campaignId);
      // The sheet is a public output: it is read from the published snapshot, never recomputed.
      const snapshot = await currentSnapshot(ctx.store, campaign.id);
      const sheet = snapshot?.content.sheets[invitation.structureId];
      if (!sheet) throw new PanoramaError('sheet_not_published', { campaign: campaign.name });
      if (format === 'json') return sheet;
      if (format === 'pdf') {
        reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="${downloadName('brochure', 'fiche', sheet.structure.name)}.pdf"`,
          );
        return ctx.renders.render({ kind: 'sheet', format: 'pdf', sheet });
      }
      const { renderSheetHtml } = await import('../../publish/index.js');
      reply.type('text/html; charset=utf-8');
      return renderSheetHtml(sheet);
    },
  );
}

/**
 * A correspondent's brochure request is refused before anything about the campaign is read
 * (indicator file, answers): every territory the request may name must be one of theirs.
 */
async function assertNamedTerritoryInScope(
  ctx: Ctx,
  scope: Awaited<ReturnType<typeof requestScope>>,
  query: { territoryId?: string; territory?: string; level?: string },
): Promise<void> {
  if (!query.territoryId && !query.territory) throw forbidden('network_brochure');
  const territories = await ctx.store.territories.list();
  const named = territories.filter((t) =>
    query.territoryId
      ? t.id === query.territoryId
      : t.name === query.territory && (!query.level || t.level === query.level),
  );
  if (named.length > 0 && !named.some((t) => inScope(scope, t.id))) {
    throw new PanoramaError('territory_out_of_scope', {
      name: named[0]?.name ?? query.territory ?? '',
    });
  }
}

/** A snapshot as the publication page shows it: when, by whom, with which threshold. */
async function snapshotView(ctx: Ctx, info: SnapshotInfo) {
  const user = info.createdBy ? await ctx.store.users.get(info.createdBy) : undefined;
  return { ...info, createdByName: user?.name ?? null };
}

/**
 * The territory a brochure request names, from the stored tree: by id, or by a name that must
 * be unique at its level. Undefined for the network, or for a name the tree does not hold (the
 * brochure then says which names it knows).
 */
async function resolveTerritory(
  ctx: Ctx,
  query: { territoryId?: string; territory?: string; level: string },
): Promise<{ id: string; name: string; level: string; structureIds: Set<string> } | undefined> {
  const territories = await ctx.store.territories.list();
  let target = query.territoryId ? territories.find((t) => t.id === query.territoryId) : undefined;
  if (query.territoryId && !target)
    throw new PanoramaError('unknown_territory', { territory: query.territoryId });
  if (!target && query.territory) {
    const named = territories.filter((t) => t.level === query.level && t.name === query.territory);
    if (named.length > 1)
      throw new PanoramaError('territory_ambiguous', {
        name: query.territory,
        level: query.level,
        ids: named.map((t) => t.id),
      });
    target = named[0];
  }
  if (!target) return undefined;
  const ids = await ctx.store.territories.descendantIds([target.id]);
  const structures = await ctx.store.structures.list({ territoryIds: ids });
  return {
    id: target.id,
    name: target.name,
    level: target.level,
    structureIds: new Set(structures.map((s) => s.id)),
  };
}
