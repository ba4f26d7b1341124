import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessLevel, ServerContext } from '../context.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { ApiError, forbidden, unauthenticated } from '../errors.js';

export const SESSION_COOKIE = 'panorama_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieOptions(ctx: ServerContext) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.baseUrl.startsWith('https:'),
    path: '/',
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
 * `config.access` (a route without one is refused), then the session cookie (401 without one),
 * the `x-csrf-token` on state-changing requests and the role (403). It runs before any handler,
 * so no handler code runs for a caller who may not use the route. Routes still check territories.
 */
export function installAccessHook(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The not-found handler serves nothing: its 404 is the answer.
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new PanoramaError('access_undeclared');
    if (access === 'public' || access === 'respondent') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const now = ctx.now();
      const found = await ctx.store.sessions.findByToken(token, now.toISOString());
      if (found) {
        request.auth = { user: found.user, csrfToken: found.session.csrfToken, token };
        // Slide the expiry at most once a minute: one write per request would be wasteful.
        if (now.getTime() - Date.parse(found.session.lastSeenAt) > 60_000) {
          const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
          await ctx.store.sessions.touch(token, now.toISOString(), expires.toISOString());
          setSessionCookie(ctx, reply, token);
        }
      }
    }
    const auth = request.auth;
    if (!auth) throw unauthenticated();
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (header !== auth.csrfToken) {
        throw new ApiError(
          403,
          'csrf',
          'Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page puis réessayez.',
        );
      }
    }
    const role = auth.user.role;
    if (access === 'admin' && role !== 'admin') {
      throw forbidden('Action réservée aux administrateurs.');
    }
    if (access === 'write' && role === 'viewer') {
      throw forbidden('Votre compte est en lecture seule : cette modification est impossible.');
    }
  });
}

/** Declares the access of every route a third-party plugin registers in this context (docs, static files). */
export function declareAccessOfPluginRoutes(app: FastifyInstance, access: AccessLevel): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: route.config?.access ?? access };
  });
}
