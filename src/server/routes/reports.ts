import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ResponseRecord } from '../../survey/index.js';
import { contentTypeOf, renderReport } from '../../report/render/index.js';
import { writeResponsesCsv } from '../../ingest/index.js';
import { ApiError } from '../errors.js';
import { requestScope, visibleStructureIds } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { loadVersion } from '../surveys-cache.js';
import type { ZodTypeProvider } from '../openapi.js';
import { cooperative } from '../../runtime/cooperative.js';
import { errorResponses, fileResponse, idParams } from '../../contract/common.js';
import { REPORT_CONTENT_TYPES, reportQuery } from '../../contract/reports.js';

function parseFilters(where: string | string[] | undefined): { key: string; value: string }[] {
  const list = where === undefined ? [] : Array.isArray(where) ? where : [where];
  return list.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) {
      throw new ApiError(
        400,
        'bad_request',
        `Filtre « ${item} » invalide : attendu cle=valeur (ex. territoire=Lille).`,
      );
    }
    return { key: item.slice(0, at).trim(), value: item.slice(at + 1).trim() };
  });
}

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
      const { id } = request.params;
      const query = request.query;
      const campaign = await getCampaign(ctx, id);
      const { model: survey } = await loadVersion(ctx, campaign.surveyVersionId);
      const filters = parseFilters(query.where);
      const visible = await visibleStructureIds(ctx.store, await requestScope(ctx.store, request));
      // Population = the campaign's invited structures the caller may see.
      const invited = (await ctx.store.invitations.list(campaign.id))
        .map((i) => i.structureId)
        .filter((s): s is string => s !== null);
      const visibleSet = visible ? new Set(visible) : undefined;
      const population = visibleSet ? invited.filter((s) => visibleSet.has(s)) : invited;
      const scope = visible ? { structureIds: visible } : {};
      const noneVisible = visible !== undefined && visible.length === 0;
      const base = `${
        campaign.name
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '')
          .toLowerCase() || 'rapport'
      }`;
      if (query.format === 'csv') {
        const responses: ResponseRecord[] = [];
        const pause = cooperative();
        if (!noneVisible)
          for await (const r of ctx.store.responses.listSubmitted(campaign.id, { ...scope, pageSize: 100 })) {
            responses.push(r);
            await pause();
          }
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${base}-reponses.csv"`);
        return writeResponsesCsv(survey, responses, { separator: ';', bom: true });
      }
      const registry = population.length
        ? await ctx.store.structures.registry({ ids: population })
        : { structures: [], attributes: [] };
      // The engine runs in a worker thread (a 4,000-response report is seconds of CPU with its
      // text analysis); this thread only reads the store, yielding to other requests as it goes.
      const built = await ctx.renders.buildReport(
        {
          survey,
          options: {
            lang: query.lang,
            registry,
            filters,
            by: query.by,
            quartiles: query.quartiles,
            base: query.base,
          },
          title: campaign.name,
          format: query.format,
        },
        noneVisible
          ? emptyStream()
          : ctx.store.responses.listSubmitted(campaign.id, { ...scope, pageSize: 100 }),
      );
      if ('optionsError' in built) throw new ApiError(400, 'bad_request', built.optionsError);
      const { model, key } = built;
      const body =
        query.format === 'json'
          ? await renderReport(model, 'json')
          : await ctx.renders.render({ kind: 'report', format: query.format, model }, key);
      reply.type(contentTypeOf(query.format));
      if (query.format !== 'json' && query.format !== 'html') {
        reply.header('content-disposition', `attachment; filename="${base}.${query.format}"`);
      }
      return body;
    },
  );
}

async function* emptyStream(): AsyncIterable<never> {}
