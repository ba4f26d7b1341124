import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { decideReview, getForReview, listForReview } from '../../app/review/index.js';
import { errorResponses } from '../../contract/common.js';
import { idParams } from '../../contract/common.js';
import {
  correctionBody,
  reviewDecisionResponse,
  reviewDetailResponse,
  reviewListQuery,
  reviewListResponse,
  reviewParams,
  validateBody,
} from '../../contract/review.js';

/** Review of submitted answers: administrators, and correspondents within their territories. */
export async function reviewRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];
  const config = { access: 'write' as const };
  app.get(
    '/api/campaigns/:id/review',
    {
      config,
      schema: {
        tags,
        summary: 'Submitted answers to review, with status and anomaly counts (scoped)',
        params: idParams,
        querystring: reviewListQuery,
        response: { 200: reviewListResponse, ...errorResponses },
      },
    },
    async (request) =>
      listForReview(ctx.store, {
        campaignId: request.params.id,
        scope: await requestScope(ctx.store, request),
        territoryId: request.query.territory,
        statuses: request.query.status,
      }),
  );
  app.get(
    '/api/campaigns/:id/review/:structureId',
    {
      config,
      schema: {
        tags,
        summary: "One structure's submitted answers with anomalies, status and history",
        params: reviewParams,
        response: { 200: reviewDetailResponse, ...errorResponses },
      },
    },
    async (request) =>
      getForReview(ctx.store, { ...ids(request.params), scope: await requestScope(ctx.store, request) }),
  );
  app.post(
    '/api/campaigns/:id/review/:structureId/validate',
    {
      config,
      schema: {
        tags,
        summary: "Validate a structure's submitted answers",
        params: reviewParams,
        body: validateBody,
        response: { 200: reviewDecisionResponse, ...errorResponses },
      },
    },
    async (request) =>
      decideReview(ctx.store, {
        ...ids(request.params),
        scope: await requestScope(ctx.store, request),
        actor: currentUser(request).id,
        now: ctx.now().toISOString(),
        decision: { kind: 'validate', ...request.body },
      }),
  );
  app.post(
    '/api/campaigns/:id/review/:structureId/request-correction',
    {
      config,
      schema: {
        tags,
        summary: 'Return the answers to the structure with a message naming questions',
        params: reviewParams,
        body: correctionBody,
        response: { 200: reviewDecisionResponse, ...errorResponses },
      },
    },
    async (request) =>
      decideReview(ctx.store, {
        ...ids(request.params),
        scope: await requestScope(ctx.store, request),
        actor: currentUser(request).id,
        now: ctx.now().toISOString(),
        decision: { kind: 'correction', ...request.body },
      }),
  );
}

function ids(params: { id: string; structureId: string }) {
  return { campaignId: params.id, structureId: params.structureId };
}
