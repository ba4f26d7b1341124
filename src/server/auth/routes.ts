import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { changeOwnPassword, resetWithToken, signIn, toPublicUser } from '../../app/accounts/index.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import { accountDeps } from './deps.js';
import type { ZodTypeProvider } from '../openapi.js';
import { errorResponses } from '../../contract/common.js';
import {
  changePasswordBody,
  loginBody,
  logoutResponse,
  resetPasswordBody,
  resetPasswordResponse,
  sessionResponse,
} from '../../contract/auth.js';

/**
 * Sign-in, sign-out, the signed-in user, changing one's own password and setting one from a reset
 * link: thin adapters over src/app/accounts.
 */
export async function authRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in (sets the session cookie); failures are limited per account and per address',
        body: loginBody,
        response: { 200: sessionResponse, ...errorResponses },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { user, token, session } = await signIn(accountDeps(ctx), {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
      });
      setSessionCookie(ctx, reply, token);
      return { user: toPublicUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: logoutResponse, ...errorResponses } },
      config: { access: 'read' },
    },
    async (request, reply) => {
      if (request.auth) {
        await ctx.store.sessions.delete(request.auth.token);
        await ctx.store.audit.record({
          actor: request.auth.user.id,
          action: 'logout',
          target: request.auth.user.id,
        });
      }
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and CSRF token',
        response: { 200: sessionResponse, ...errorResponses },
      },
      config: { access: 'read' },
    },
    async (request) => {
      if (!request.auth) throw new PanoramaError('unauthenticated');
      return { user: toPublicUser(request.auth.user), csrfToken: request.auth.csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password (current password required); other sessions end',
        body: changePasswordBody,
        response: { 200: sessionResponse, ...errorResponses },
      },
      config: { access: 'read' },
    },
    async (request, reply) => {
      if (!request.auth) throw new PanoramaError('unauthenticated');
      const { user, token, session } = await changeOwnPassword(accountDeps(ctx), {
        ...request.body,
        userId: request.auth.user.id,
        ip: request.ip,
      });
      setSessionCookie(ctx, reply, token);
      return { user: toPublicUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from a reset link (single use, expiring); no session needed',
        body: resetPasswordBody,
        response: { 200: resetPasswordResponse, ...errorResponses },
      },
      config: { access: 'public' },
    },
    async (request) => resetWithToken(accountDeps(ctx), request.body),
  );
}
