import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { ApiError, forbidden, found } from '../errors.js';
import type { ZodTypeProvider } from '../openapi.js';
import { currentUser, inScope, requestScope } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import {
  BROCHURE_FORMATS,
  brochureModel,
  CONTENT_TYPES,
  fileName,
  preparePublication,
  renderBrochure,
} from '../public/brochure.js';
import { publishCampaignOf } from '../public/campaign-data.js';

const idParams = z.object({ id: z.string().min(1) });
const tokenParams = z.object({ token: z.string().min(16).max(128) });
export const indicatorsBody = z.object({
  /** The indicator file (docs/indicators.md). */
  indicators: z.record(z.string(), z.unknown()),
  /** Confidentiality threshold of public brochures (default 5). */
  k: z.number().int().min(1).max(1000).nullable().optional(),
});
export const publishBody = z.object({ published: z.boolean() });
export const brochureQuery = z.object({
  territory: z.string().trim().min(1).max(200).optional(),
  level: z.string().trim().min(1).max(100).optional(),
  format: z.enum(BROCHURE_FORMATS).default('json'),
  audience: z.enum(['public', 'admin']).default('public'),
  lang: z.enum(['fr', 'en']).default('fr'),
});
export const sheetQuery = z.object({ format: z.enum(['html', 'pdf', 'json']).default('html') });

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
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const campaign = await getCampaign(ctx, id);
      const { parseIndicatorFile, checkReferences, IndicatorFileError } =
        await import('../../publish/indicators/load.js');
      const data = await publishCampaignOf(ctx.store, campaign);
      let problems;
      try {
        problems = checkReferences(parseIndicatorFile(body.indicators), data.survey, data.registry);
      } catch (err) {
        if (!(err instanceof IndicatorFileError)) throw err;
        problems = err.problems;
      }
      if (problems.length) {
        const list = problems.map((p) => `${p.path || '(racine)'} : ${p.message}`);
        throw new ApiError(
          422,
          'invalid_indicators',
          `Fichier d'indicateurs refusé (${problems.length} problème${problems.length > 1 ? 's' : ''}) : ${list.slice(0, 5).join(' ; ')}${list.length > 5 ? ' …' : ''}`,
          problems,
        );
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
      },
    },
    async (request) => {
      const { id } = request.params;
      const campaign = await getCampaign(ctx, id);
      const saved = await ctx.store.publications.get(campaign.id);
      return {
        campaignId: campaign.id,
        hasIndicators: saved?.indicators != null,
        published: saved?.published ?? false,
        k: saved?.k ?? null,
        updatedAt: saved?.updatedAt ?? null,
        publicUrl: `/public/campagnes/${encodeURIComponent(campaign.id)}`,
      };
    },
  );

  app.post(
    '/api/campaigns/:id/publish',
    {
      schema: {
        tags,
        summary: 'Show (or hide) the campaign on the public site /public',
        params: idParams,
        body: publishBody,
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const { published } = request.body;
      const campaign = await getCampaign(ctx, id);
      if (published) await preparePublication(ctx.store, campaign); // 409 without an indicator file
      const saved = await ctx.store.publications.setPublished(
        campaign.id,
        published,
        ctx.now().toISOString(),
      );
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: published ? 'campaign.publish' : 'campaign.unpublish',
        target: campaign.id,
      });
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
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const query = request.query;
      const campaign = await getCampaign(ctx, id);
      const user = currentUser(request);
      if (query.audience === 'admin' && user.role === 'viewer') {
        throw forbidden(
          'La version interne (toutes les valeurs, sans secret statistique) est réservée aux administrateurs et correspondants.',
        );
      }
      // Scope first: a correspondent learns nothing about a campaign outside their territories.
      const scope = await requestScope(ctx.store, request);
      const assertTerritory = async (level: string | undefined) => {
        if (scope.all) return;
        if (!query.territory) {
          throw forbidden(
            "La plaquette de l'ensemble du réseau est réservée aux administrateurs : choisissez un de vos territoires (paramètre territory).",
          );
        }
        const match = (await ctx.store.territories.list()).filter(
          (t) => (!level || t.level === level) && t.name === query.territory,
        );
        if (!match.some((t) => inScope(scope, t.id))) {
          throw forbidden(
            `Le territoire « ${query.territory} » ne fait pas partie de vos territoires : vous n'avez pas accès à sa plaquette.`,
          );
        }
      };
      await assertTerritory(query.level);
      const prepared = await preparePublication(ctx.store, campaign);
      const level = query.level ?? prepared.file.territoryAttribute;
      await assertTerritory(level);
      const model = await brochureModel(prepared, {
        territory: query.territory,
        level,
        audience: query.audience,
        lang: query.lang,
      });
      const body = await renderBrochure(ctx.renders, model, query.format);
      reply.type(CONTENT_TYPES[query.format]);
      if (query.format === 'pdf' || query.format === 'docx') {
        reply.header(
          'content-disposition',
          `attachment; filename="${fileName(campaign.name, query.territory)}.${query.format}"`,
        );
      }
      return body;
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
      },
      config: { access: 'respondent' },
    },
    async (request, reply) => {
      const { token } = request.params;
      const { format } = request.query;
      const invitation = found(await ctx.store.invitations.findByToken(token), 'Lien de questionnaire');
      if (invitation.structureId === null) {
        throw new ApiError(
          409,
          'no_structure',
          "La fiche « Se situer par rapport aux autres » n'existe que pour les structures invitées personnellement.",
        );
      }
      if (invitation.status !== 'submitted') {
        throw new ApiError(
          409,
          'not_submitted',
          'Votre fiche sera disponible dès que vous aurez envoyé vos réponses : terminez le questionnaire puis cliquez sur « Envoyer ».',
        );
      }
      const campaign = await getCampaign(ctx, invitation.campaignId);
      const data = await publishCampaignOf(ctx.store, campaign);
      const publication = await ctx.store.publications.get(campaign.id);
      const { buildStructureSheet } = await import('../../publish/sheet/model.js');
      const attributes = data.registry?.attributes ?? [];
      const level = attributes.includes('territoire')
        ? 'territoire'
        : (['departement', 'region'].find((l) => attributes.includes(l)) ?? 'territoire');
      const sheet = buildStructureSheet(data, invitation.structureId, {
        audience: 'public',
        level,
        ...(publication?.k ? { k: publication.k } : {}),
      });
      if (format === 'json') return sheet;
      if (format === 'pdf') {
        reply
          .type('application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="${fileName('fiche', sheet.structure.name)}.pdf"`,
          );
        return ctx.renders.render({ kind: 'sheet', format: 'pdf', sheet });
      }
      const { renderSheetHtml } = await import('../../publish/sheet/render.js');
      reply.type('text/html; charset=utf-8');
      return renderSheetHtml(sheet);
    },
  );
}
