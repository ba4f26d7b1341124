import type { User } from '../store/index.js';
import type { AppDeps } from '../app/deps.js';
import type { Scope } from '../app/scope.js';

/** The server hands its routes the application's dependencies (src/app/deps.ts). */
export type ServerContext = AppDeps;

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
  }
  interface FastifyRequest {
    auth?: RequestAuth;
    /** Memoised territory scope of the signed-in user (see access.ts). */
    scopeCache?: Promise<Scope>;
  }
}

export type { Scope } from '../app/scope.js';
