import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { StoreConflictError, StoreNotFoundError } from '../../store/index.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { currentUser, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses } from '../../contract/common.js';
import { createTerritoryBody, territoriesResponse, territoryResponse } from '../../contract/territories.js';

export async function territoryRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  app.get(
    '/api/territories',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'Territory hierarchy (scoped: own territories, descendants, ancestors)',
        response: { 200: territoriesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const all = await ctx.store.territories.list();
      const scope = await requestScope(ctx.store, request);
      if (scope.all) return { territories: all };
      // Ancestors are shown too, so the tree can be drawn from its root; their data stays hidden.
      const byId = new Map(all.map((t) => [t.id, t]));
      const visible = new Set<string>();
      for (const id of scope.territoryIds) {
        for (
          let t = byId.get(id);
          t && !visible.has(t.id);
          t = t.parentId ? byId.get(t.parentId) : undefined
        ) {
          visible.add(t.id);
        }
      }
      return { territories: all.filter((t) => visible.has(t.id)) };
    },
  );

  app.post(
    '/api/territories',
    {
      schema: {
        tags,
        summary: 'Create a territory',
        body: createTerritoryBody,
        response: { 201: territoryResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        const territory = await ctx.store.territories.create(body);
        await ctx.store.audit.record({
          actor: currentUser(request).id,
          action: 'territory.create',
          target: territory.id,
          details: body,
        });
        reply.status(201);
        return { territory };
      } catch (err) {
        if (err instanceof StoreNotFoundError) {
          throw new PanoramaError('unknown_reference', { what: 'parent_territory', id: body.parentId ?? '' });
        }
        if (err instanceof StoreConflictError) throw new PanoramaError('territory_exists');
        throw err;
      }
    },
  );
}
