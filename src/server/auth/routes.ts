import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import type { User } from '../../store/index.js';
import { ApiError, unauthenticated } from '../errors.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import { clearSessionCookie, setSessionCookie } from './session.js';
import type { ZodTypeProvider } from '../openapi.js';

export const loginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    territoryIds: user.territoryIds,
    disabled: user.disabled,
  };
}

export async function authRoutes(server: FastifyInstance, ctx: ServerContext): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in (sets the session cookie)', body: loginBody },
      config: {
        access: 'public',
        rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const found = await ctx.store.users.findByEmail(email);
      // Verify against a dummy hash for unknown accounts: same work, same answer, no account probing.
      const ok = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!found || !ok || found.disabled) {
        await ctx.store.audit.record({
          actor: found?.id ?? null,
          action: 'login.failed',
          target: email.toLowerCase(),
          details: { ip: request.ip },
        });
        throw new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
      }
      const now = ctx.now();
      const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
      const { token, session } = await ctx.store.sessions.create(
        found.id,
        expires.toISOString(),
        now.toISOString(),
      );
      await ctx.store.audit.record({
        actor: found.id,
        action: 'login',
        target: found.id,
        details: { ip: request.ip },
      });
      setSessionCookie(ctx, reply, token);
      const { passwordHash: _hash, ...user } = found;
      return { user: publicUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out' }, config: { access: 'read' } },
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
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user and CSRF token' },
      config: { access: 'read' },
    },
    async (request) => {
      if (!request.auth) throw unauthenticated();
      return { user: publicUser(request.auth.user), csrfToken: request.auth.csrfToken };
    },
  );
}
