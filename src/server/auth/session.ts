import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessLevel, ServerContext } from '../context.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { resolveSession } from '../../app/accounts/index.js';
import { accountDeps } from './deps.js';

export const SESSION_COOKIE = 'panorama_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user with a temporary password may still do: see who they are, change it, sign out. */
export const ALLOWED_WITH_TEMPORARY_PASSWORD = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
]);

export function sessionCookieOptions(ctx: ServerContext) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.baseUrl.startsWith('https:'),
    path: '/',
    // The session's absolute lifetime; the idle timeout is enforced by the server.
    maxAge: Math.round(ctx.config.sessionHours * 3600),
  };
}

export function setSessionCookie(ctx: ServerContext, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx));
}

export function clearSessionCookie(ctx: ServerContext, reply: FastifyReply): void {
  const { maxAge: _maxAge, ...options } = sessionCookieOptions(ctx);
  reply.clearCookie(SESSION_COOKIE, options);
}

/**
 * Decides access from the route Fastify matched, never from the URL: the route's declared
 * `config.access` (a route without one is refused), then the session cookie (401 without one, or
 * when the session is past its absolute lifetime or idle timeout), the `x-csrf-token` on
 * state-changing requests, a temporary password (only the password change is allowed) and the
 * role (403). It runs before any handler, so no handler code runs for a caller who may not use
 * the route. Routes still check territories.
 */
export function installAccessHook(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    // The not-found handler serves nothing: its 404 is the answer.
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new PanoramaError('access_undeclared');
    if (access === 'public' || access === 'respondent') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await resolveSession(accountDeps(ctx), token);
      if (found) request.auth = { user: found.user, csrfToken: found.session.csrfToken, token };
    }
    const auth = request.auth;
    if (!auth) throw new PanoramaError('unauthenticated');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (header !== auth.csrfToken) throw new PanoramaError('csrf');
    }
    if (
      auth.user.mustChangePassword &&
      !ALLOWED_WITH_TEMPORARY_PASSWORD.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new PanoramaError('password_change_required');
    }
    const role = auth.user.role;
    // A structure's staff only reaches the routes that admit it (and its own account's).
    if (
      role === 'structure' &&
      !request.routeOptions.config.structureStaff &&
      !ALLOWED_WITH_TEMPORARY_PASSWORD.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw new PanoramaError('forbidden');
    }
    if (access === 'admin' && role !== 'admin') throw new PanoramaError('forbidden');
    if (access === 'write' && role === 'viewer') throw new PanoramaError('forbidden');
  });
}

/** Declares the access of every route a third-party plugin registers in this context (docs, static files). */
export function declareAccessOfPluginRoutes(app: FastifyInstance, access: AccessLevel): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: route.config?.access ?? access };
  });
}
