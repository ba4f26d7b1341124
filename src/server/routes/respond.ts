import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ZodTypeProvider } from '../openapi.js';
import { answersCopy, openForm, saveDraft, startAnonymous, submitAnswers } from '../../app/respond/index.js';
import { errorResponses, fileResponse, tokenParams } from '../../contract/common.js';
import {
  draftBody,
  draftSavedResponse,
  publicStartResponse,
  publicTokenParams as publicParams,
  respondPayload,
  submitBody,
  submittedResponse,
} from '../../contract/respond.js';

export async function respondRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['respondent'];
  const config = { access: 'respondent' as const };

  app.get(
    '/api/respond/:token',
    {
      schema: {
        tags,
        summary: 'The form, the saved answers and the campaign state',
        params: tokenParams,
        response: { 200: respondPayload, ...errorResponses },
      },
      config,
    },
    async (request) => openForm(ctx, request.params.token),
  );

  app.put(
    '/api/respond/:token/draft',
    {
      schema: {
        tags,
        summary: 'Autosave the draft (checked like a submission, required answers aside)',
        params: tokenParams,
        body: draftBody,
        response: { 200: draftSavedResponse, ...errorResponses },
      },
      config,
    },
    async (request) => saveDraft(ctx, { token: request.params.token, data: request.body.data }),
  );

  app.post(
    '/api/respond/:token/submit',
    {
      schema: {
        tags,
        summary: 'Submit the answers (strict validation, idempotent)',
        params: tokenParams,
        body: submitBody,
        response: { 200: submittedResponse, ...errorResponses },
      },
      config,
    },
    async (request) =>
      submitAnswers(ctx, {
        token: request.params.token,
        data: request.body.data,
        submissionId: request.body.submissionId,
        confirmWarnings: request.body.confirmWarnings,
      }),
  );

  app.get(
    '/api/respond/:token/copy.pdf',
    {
      schema: {
        tags,
        summary: 'Printable PDF copy of the answers',
        params: tokenParams,
        response: { 200: fileResponse('The answers as PDF', ['application/pdf']), ...errorResponses },
      },
      config,
    },
    async (request, reply) => {
      const { campaignId, input } = await answersCopy(ctx, request.params.token);
      const pdf = await ctx.renders.render({ kind: 'answers', format: 'pdf', input });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="reponses-${campaignId}.pdf"`);
      return pdf;
    },
  );

  app.post(
    '/api/public/:publicToken/start',
    {
      schema: {
        tags,
        summary: 'Start an anonymous answer from the public link',
        params: publicParams,
        response: { 201: publicStartResponse, ...errorResponses },
      },
      // Each call creates a row: a limit per IP keeps a script from filling the database.
      config: { ...config, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const started = await startAnonymous(ctx, request.params.publicToken);
      reply.status(201);
      return started;
    },
  );
}
