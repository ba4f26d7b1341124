import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { StoreConflictError, StoreNotFoundError } from '../../store/index.js';
import { ApiError, notFound } from '../errors.js';
import { currentUser } from '../access.js';
import { publicUser } from '../auth/routes.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import type { ZodTypeProvider } from '../openapi.js';

const role = z.enum(['admin', 'correspondent', 'viewer']);
const password = z.string().min(MIN_PASSWORD_LENGTH, `au moins ${MIN_PASSWORD_LENGTH} caractères`).max(200);
export const createUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role,
  territoryIds: z.array(z.string().min(1)).default([]),
  password: password.optional(),
});
export const updateUserBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).optional(),
  role: role.optional(),
  territoryIds: z.array(z.string().min(1)).optional(),
  password: password.optional(),
  disabled: z.boolean().optional(),
});
const idParams = z.object({ id: z.string().min(1) });

async function checkTerritories(ctx: ServerContext, ids: string[] | undefined): Promise<void> {
  for (const id of ids ?? []) {
    if (!(await ctx.store.territories.get(id))) {
      throw new ApiError(400, 'bad_request', `Territoire inconnu : « ${id} ».`);
    }
  }
}

function mapConflict(err: unknown): never {
  if (err instanceof StoreConflictError) {
    throw new ApiError(409, 'conflict', 'Un compte existe déjà avec cette adresse e-mail.');
  }
  throw err;
}

export async function userRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, summary: 'List accounts' }, config: { access: 'admin' } },
    async () => ({
      users: (await ctx.store.users.list()).map(publicUser),
    }),
  );

  app.post(
    '/api/users',
    { schema: { tags, summary: 'Create an account', body: createUserBody }, config: { access: 'admin' } },
    async (request, reply) => {
      const body = request.body;
      await checkTerritories(ctx, body.territoryIds);
      if (body.role === 'correspondent' && body.territoryIds.length === 0) {
        throw new ApiError(
          400,
          'bad_request',
          'Un correspondant doit être rattaché à au moins un territoire.',
        );
      }
      const generated = body.password ? undefined : generatePassword();
      const user = await ctx.store.users
        .create({
          email: body.email,
          name: body.name,
          role: body.role,
          territoryIds: body.territoryIds,
          passwordHash: await hashPassword(body.password ?? generated!),
        })
        .catch(mapConflict);
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'user.create',
        target: user.id,
        details: { email: user.email, role: user.role },
      });
      reply.status(201);
      return generated ? { user: publicUser(user), password: generated } : { user: publicUser(user) };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: { tags, summary: 'Update an account', params: idParams, body: updateUserBody },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      await checkTerritories(ctx, body.territoryIds);
      const { password: newPassword, ...patch } = body;
      const user = await ctx.store.users
        .update(id, { ...patch, ...(newPassword ? { passwordHash: await hashPassword(newPassword) } : {}) })
        .catch((err: unknown) => {
          if (err instanceof StoreNotFoundError) throw notFound('Compte');
          return mapConflict(err);
        });
      if (newPassword || body.disabled) await ctx.store.sessions.deleteForUser(id);
      await ctx.store.audit.record({
        actor: currentUser(request).id,
        action: 'user.update',
        target: id,
        details: { ...patch, passwordChanged: Boolean(newPassword) },
      });
      return { user: publicUser(user) };
    },
  );
}
