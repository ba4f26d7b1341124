import type { User } from '../store/index.js';
import type { AppDeps } from '../app/deps.js';
import type { Scope } from '../app/scope.js';
import type { RenderPool } from '../runtime/render-pool.js';

/**
 * The server hands its routes the application's dependencies (src/app/deps.ts) and the pool that
 * renders documents off the event loop (src/runtime).
 */
export type ServerContext = AppDeps & { renders: RenderPool };

export type AccessLevel =
  /** No session needed (login, health, docs, SPA). */
  | 'public'
  /** Authorised by the token in the URL: no session, no CSRF. */
  | 'respondent'
  /** Any signed-in user (viewers included); state-changing methods still need CSRF. */
  | 'read'
  /** Admins and correspondents (viewers get 403). */
  | 'write'
  /** Admins only. */
  | 'admin';

export interface RequestAuth {
  user: User;
  csrfToken: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessLevel;
    /** A structure's staff (role "structure") may use this route; the use case keeps it to its structure. */
    structureStaff?: boolean;
  }
  interface FastifyRequest {
    auth?: RequestAuth;
    /** Memoised territory scope of the signed-in user (see access.ts). */
    scopeCache?: Promise<Scope>;
  }
}

export type { Scope } from '../app/scope.js';
