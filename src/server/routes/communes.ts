import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses } from '../../contract/common.js';
import { communesQuery, communesResponse } from '../../contract/communes.js';
import { communesByCode, searchCommunes } from '../../app/communes/search.js';

/**
 * Commune search for the registry forms: the official geography stays on the server (≈ 35 000
 * communes), the browser gets at most 20 matches per keystroke. Reference data, not the network's:
 * any signed-in user may read it.
 */
export async function communeRoutes(server: FastifyInstance, _ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/communes',
    {
      config: { access: 'read' },
      schema: {
        tags: ['registry'],
        summary: 'Find communes by name or INSEE code (bounded), or name the given codes',
        querystring: communesQuery,
        response: { 200: communesResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { q, codes, limit } = request.query;
      if (codes) return communesByCode(codes);
      return searchCommunes(q ?? '', limit);
    },
  );
}
