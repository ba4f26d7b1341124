import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ResponseRecord } from '../../survey/index.js';
import { contentTypeOf } from '../../report/render/index.js';
import { writeResponsesCsv } from '../../ingest/index.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { requestScope, visibleStructureIds } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { loadVersion } from '../surveys-cache.js';
import type { ZodTypeProvider } from '../openapi.js';
import { cooperative } from '../../runtime/cooperative.js';
import { reportRegistry } from '../../runtime/report-build.js';
import { errorResponses, fileResponse, idParams } from '../../contract/common.js';
import { REPORT_CONTENT_TYPES, reportQuery } from '../../contract/reports.js';
import { validatedStructureIds } from '../../app/review/index.js';

/** The note naming a report restricted to validated answers, in the report's language. */
function validatedNote(lang: 'fr' | 'en', validated: number, submitted: number): string {
  return lang === 'en'
    ? `Validated answers only: ${validated} of ${submitted} submitted answers validated by a correspondent.`
    : `Réponses validées uniquement : ${validated} des ${submitted} réponses envoyées ont été validées par un correspondant.`;
}

function parseFilters(where: string | string[] | undefined): { key: string; value: string }[] {
  const list = where === undefined ? [] : Array.isArray(where) ? where : [where];
  return list.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) {
      throw new PanoramaError('report_filter_syntax', { item });
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
      const scope: { structureIds?: string[] } = visible ? { structureIds: visible } : {};
      let noneVisible = visible !== undefined && visible.length === 0;
      // Validated answers only: the population stays the caller's; only the answers read narrow.
      let responseScope = scope;
      let notes: string[] | undefined;
      if (query.validatedOnly) {
        const { structureIds, submitted } = await validatedStructureIds(ctx.store, campaign.id);
        const seen = visible ? new Set(visible) : undefined;
        const read = seen ? structureIds.filter((s) => seen.has(s)) : structureIds;
        responseScope = { structureIds: read };
        notes = [validatedNote(query.lang, read.length, submitted)];
        if (read.length === 0) noneVisible = true;
      }
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
          for await (const r of ctx.store.responses.listSubmitted(campaign.id, {
            ...responseScope,
            pageSize: 100,
          })) {
            responses.push(r);
            await pause();
          }
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${base}-reponses.csv"`);
        return writeResponsesCsv(survey, responses, { separator: ';', bom: true });
      }
      // The report is built and rendered in a worker thread (a 4,000-response report is seconds
      // of CPU with its text analysis); when the store can be opened from another thread, the
      // worker reads the responses itself and this thread only waits for the document's bytes.
      // The population is the campaign's invited structures the caller may see (reportRegistry).
      const readerOptions = noneVisible ? undefined : ctx.store.readerOptions?.();
      const options = {
        lang: query.lang,
        filters,
        by: query.by,
        quartiles: query.quartiles,
        base: query.base,
      };
      const job = { survey, title: campaign.name, format: query.format, notes };
      const built = readerOptions
        ? await ctx.renders.report(
            { ...job, options },
            {
              store: readerOptions,
              campaignId: campaign.id,
              ...scope,
              ...(query.validatedOnly ? { responseStructureIds: responseScope.structureIds } : {}),
            },
          )
        : await ctx.renders.report(
            {
              ...job,
              options: { ...options, registry: await reportRegistry(ctx.store, campaign.id, visible) },
            },
            noneVisible
              ? emptyStream()
              : ctx.store.responses.listSubmitted(campaign.id, { ...responseScope, pageSize: 100 }),
          );
      if ('optionsError' in built) throw new PanoramaError('bad_request', { reason: built.optionsError });
      const body = built.body;
      reply.type(contentTypeOf(query.format));
      if (query.format !== 'json' && query.format !== 'html') {
        reply.header('content-disposition', `attachment; filename="${base}.${query.format}"`);
      }
      return body;
    },
  );
}

async function* emptyStream(): AsyncIterable<never> {}
