import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
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
 * Resolves the session cookie on every /api request, then enforces the route's access level:
 * 401 without session, 403 on a state-changing request without the right `x-csrf-token`,
 * 403 when the role is not enough. Routes still check territories themselves.
 */
export function installSessionHook(app: FastifyInstance, ctx: ServerContext): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // The OpenAPI document and its UI are public, like the SPA.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const access = request.routeOptions.config?.access ?? 'read';
    if (access === 'respondent') return;
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
    if (access === 'public') return;
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
