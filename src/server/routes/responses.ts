import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { found } from '../errors.js';
import { assertStructureInScope, requestScope } from '../access.js';
import { getCampaign } from '../campaign-view.js';
import { PAGE_KEY } from '../../app/respond/answers.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses } from '../../contract/common.js';
import { structureResponsesParams as params, structureResponsesResponse } from '../../contract/responses.js';

/** One structure's answers to a campaign with every submitted revision (scoped like the registry). */
export async function responseRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/campaigns/:id/responses/:structureId',
    {
      config: { access: 'read' },
      schema: {
        tags: ['campaigns'],
        summary: "A structure's current answers and its submitted revisions",
        params,
        response: { 200: structureResponsesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id, structureId } = request.params;
      const campaign = await getCampaign(ctx, id);
      const structure = found(await ctx.store.structures.get(structureId), 'structure');
      assertStructureInScope(await requestScope(ctx.store, request), structure);
      const invitation = found(
        await ctx.store.invitations.findForStructure(campaign.id, structureId),
        'invitation',
      );
      const response = await ctx.store.responses.getByInvitation(invitation.id);
      const revisions = response ? await ctx.store.responses.listRevisions(response.id) : [];
      const { [PAGE_KEY]: _page, ...draft } = response?.data ?? {};
      return {
        structure: { id: structure.id, name: structure.name },
        status: invitation.status,
        draft: response ? draft : null,
        draftUpdatedAt: response?.draftUpdatedAt ?? null,
        revisions: revisions.map((r) => ({ revision: r.revision, submittedAt: r.submittedAt, data: r.data })),
      };
    },
  );
}
