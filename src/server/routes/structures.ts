import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { StoredStructure, Territory } from '../../store/index.js';
import { StoreNotFoundError } from '../../store/index.js';
import { forbidden, found } from '../errors.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { assertStructureInScope, currentUser, inScope, requestScope } from '../access.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses, idParams } from '../../contract/common.js';
import {
  listStructuresQuery as listQuery,
  structureResponse,
  structuresResponse,
  updateStructureBody,
} from '../../contract/structures.js';

export function structureView(s: StoredStructure, territories: ReadonlyMap<string, Territory>) {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    address: s.address,
    communeCode: s.communeCode,
    territoryId: s.territoryId,
    territory: s.territoryId ? (territories.get(s.territoryId)?.name ?? null) : null,
    qpv: s.qpv,
    managerType: s.managerType,
    email: s.attributes.email ?? null,
    attributes: s.attributes,
    archivedAt: s.archivedAt ?? null,
  };
}

export async function territoryMap(ctx: ServerContext): Promise<Map<string, Territory>> {
  return new Map((await ctx.store.territories.list()).map((t) => [t.id, t]));
}

export async function structureRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  app.get(
    '/api/structures',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'List structures (scoped to your territories)',
        querystring: listQuery,
        response: { 200: structuresResponse, ...errorResponses },
      },
    },
    async (request) => {
      const query = request.query;
      const scope = await requestScope(ctx.store, request);
      if (query.territory && !scope.all && !scope.territoryIds.has(query.territory)) {
        throw forbidden('territory_out_of_scope');
      }
      const territoryIds = query.territory
        ? [query.territory]
        : scope.all
          ? undefined
          : [...scope.territoryIds];
      const list =
        territoryIds && territoryIds.length === 0
          ? []
          : await ctx.store.structures.list({
              territoryIds,
              search: query.q?.trim() || undefined,
              activeOnly: (query.archived ?? 'exclude') === 'exclude',
            });
      const territories = await territoryMap(ctx);
      return {
        structures: list
          .filter((s) => inScope(scope, s.territoryId))
          .filter((s) => query.archived !== 'only' || s.archivedAt)
          .map((s) => structureView(s, territories)),
      };
    },
  );

  app.get(
    '/api/structures/:id',
    {
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'One structure',
        params: idParams,
        response: { 200: structureResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const structure = found(await ctx.store.structures.get(id), 'structure');
      assertStructureInScope(await requestScope(ctx.store, request), structure);
      return { structure: structureView(structure, await territoryMap(ctx)) };
    },
  );

  app.put(
    '/api/structures/:id',
    {
      schema: {
        tags,
        summary: 'Edit a structure',
        params: idParams,
        body: updateStructureBody,
        response: { 200: structureResponse, ...errorResponses },
      },
      config: { access: 'write' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      const existing = found(await ctx.store.structures.get(id), 'structure');
      const scope = await requestScope(ctx.store, request);
      assertStructureInScope(scope, existing);
      if (body.territoryId !== undefined && !inScope(scope, body.territoryId)) {
        throw forbidden('attach_out_of_scope');
      }
      const { email, attributes, ...patch } = body;
      let nextAttributes = attributes ?? (email !== undefined ? { ...existing.attributes } : undefined);
      if (email !== undefined && nextAttributes) {
        nextAttributes = { ...nextAttributes };
        if (email === null) delete nextAttributes.email;
        else nextAttributes.email = email;
      }
      try {
        const updated = await ctx.store.structures.update(id, {
          ...patch,
          ...(nextAttributes ? { attributes: nextAttributes } : {}),
        });
        await ctx.store.audit.record({
          actor: currentUser(request).id,
          action: 'structure.update',
          target: id,
          details: body,
        });
        return { structure: structureView(updated, await territoryMap(ctx)) };
      } catch (err) {
        if (err instanceof StoreNotFoundError)
          throw new PanoramaError('unknown_reference', {
            what: err.entity === 'structure' ? 'structure' : 'territory',
            id: err.id,
          });
        throw err;
      }
    },
  );
}
