import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { PanoramaError } from '../../contract/errors/index.js';
import {
  adminResetPassword,
  createUser,
  sendAccountInvitation,
  toPublicUser,
  updateUser,
} from '../../app/accounts/index.js';
import { accountDeps } from '../auth/deps.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses, idParams } from '../../contract/common.js';
import {
  createdUserResponse,
  createUserBody,
  passwordResetBody,
  passwordResetResponse,
  updateUserBody,
  userResponse,
  usersResponse,
} from '../../contract/users.js';

/** Accounts administration (admins only): thin adapters over src/app/accounts. */
export async function userRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const actorId = (auth: { user: { id: string } } | undefined): string => {
    if (!auth) throw new PanoramaError('unauthenticated');
    return auth.user.id;
  };

  app.get(
    '/api/users',
    {
      schema: { tags, summary: 'List accounts', response: { 200: usersResponse, ...errorResponses } },
      config: { access: 'admin' },
    },
    async () => ({ users: (await ctx.store.users.list()).map(toPublicUser) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account',
        body: createUserBody,
        response: { 201: createdUserResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { invite, ...input } = request.body;
      const deps = accountDeps(ctx);
      const actor = actorId(request.auth);
      const { user, password } = await createUser(deps, { ...input, actorId: actor });
      const invitation =
        invite === false
          ? undefined
          : await sendAccountInvitation(deps, { user, actor, invitedBy: request.auth?.user.name });
      reply.status(201);
      return {
        user: toPublicUser(user),
        ...(password ? { password } : {}),
        ...(invitation ? { invitation } : {}),
      };
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Update an account (the last active administrator cannot be disabled or demoted)',
        params: idParams,
        body: updateUserBody,
        response: { 200: userResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const user = await updateUser(accountDeps(ctx), {
        ...request.body,
        id: request.params.id,
        actorId: actorId(request.auth),
      });
      return { user: toPublicUser(user) };
    },
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      schema: {
        tags,
        summary:
          'Reset a password: e-mail a single-use link, show the link once, or set a temporary password (changed at next sign-in)',
        params: idParams,
        body: passwordResetBody,
        response: { 200: passwordResetResponse, ...errorResponses },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      adminResetPassword(accountDeps(ctx), {
        id: request.params.id,
        mode: request.body.mode,
        actorId: actorId(request.auth),
      }),
  );
}
