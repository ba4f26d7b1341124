import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ZodTypeProvider } from '../openapi.js';
import { currentUser } from '../access.js';
import { errorResponses } from '../../contract/common.js';
import {
  archiveItemParams,
  demoStatusResponse,
  removalPreviewResponse,
  removalResultResponse,
  restoreItemParams,
} from '../../contract/archive.js';
import { demoStatus, previewRemoval, removeDemo, removeItem, restoreItem } from '../../app/archive/index.js';

/** Deletion, archiving and demo removal: administrators only; the rules live in src/app/archive. */
export async function archiveRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['archive'];

  app.get(
    '/api/archive/:kind/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'What removing a structure, territory, questionnaire or campaign will do',
        params: archiveItemParams,
        response: { 200: removalPreviewResponse, ...errorResponses },
      },
    },
    async (request) => ({
      preview: await previewRemoval(ctx.store, request.params.kind, request.params.id),
    }),
  );

  app.post(
    '/api/archive/:kind/:id/remove',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Delete, or archive when it holds answers (409 when refused)',
        params: archiveItemParams,
        response: { 200: removalResultResponse, ...errorResponses },
      },
    },
    async (request) => removeItem(ctx.store, { ...request.params, actor: currentUser(request).id }),
  );

  app.post(
    '/api/archive/:kind/:id/restore',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Bring an archived structure or campaign back',
        params: restoreItemParams,
        response: { 200: removalResultResponse, ...errorResponses },
      },
    },
    async (request) => restoreItem(ctx.store, { ...request.params, actor: currentUser(request).id }),
  );

  app.get(
    '/api/demo',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Is demo data present, and what removing it would remove or keep',
        response: { 200: demoStatusResponse, ...errorResponses },
      },
    },
    async () => demoStatus(ctx.store),
  );

  app.post(
    '/api/demo/remove',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove the demo network, questionnaire, campaigns and answers in one action',
        response: { 200: demoStatusResponse, ...errorResponses },
      },
    },
    async (request) => removeDemo(ctx.store, { actor: currentUser(request).id }),
  );
}
