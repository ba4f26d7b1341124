/**
 * A structure's staff accounts over HTTP: administrators and correspondents (for the structures
 * of their territories) list and invite them. Thin adapters over src/app/solidarity/staff.ts.
 * A staff account itself may not invite (the routes do not admit its role).
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { currentUser, requestScope } from '../access.js';
import { accountDeps } from '../auth/deps.js';
import type { ZodTypeProvider } from '../openapi.js';
import { inviteStructureStaff, listStructureStaff } from '../../app/solidarity/staff.js';
import { errorResponses } from '../../contract/common.js';
import {
  solidarityIdParams as idParams,
  staffBody,
  staffInvitedResponse,
  staffListResponse,
} from '../../contract/solidarity.js';

export async function solidarityStaffRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['solidarity'];

  app.get(
    '/api/solidarity/structures/:id/staff',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Accounts of a structure’s staff',
        params: idParams,
        response: { 200: staffListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      staff: await listStructureStaff(ctx, await requestScope(ctx.store, request), request.params.id),
    }),
  );

  app.post(
    '/api/solidarity/structures/:id/staff',
    {
      config: { access: 'write' },
      schema: {
        tags,
        summary: 'Open an account for a structure’s staff and e-mail the invitation',
        params: idParams,
        body: staffBody,
        response: { 201: staffInvitedResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = currentUser(request);
      const result = await inviteStructureStaff(
        accountDeps(ctx),
        await requestScope(ctx.store, request),
        request.params.id,
        request.body,
        { id: actor.id, name: actor.name },
      );
      reply.status(201);
      return result;
    },
  );
}
