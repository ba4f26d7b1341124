import type { FastifyRequest } from 'fastify';
import type { Store, StoredStructure, User } from '../store/index.js';
import type { Scope } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

export function currentUser(request: FastifyRequest): User {
  if (!request.auth) throw unauthenticated();
  return request.auth.user;
}

/**
 * Admins see everything; correspondents only their territories and descendants; viewers
 * everything unless territories are assigned to them, then the same as a correspondent; a
 * structure's staff only its structure (and only on the routes that admit it, see session.ts).
 */
export async function scopeOf(store: Store, user: User): Promise<Scope> {
  if (user.role === 'admin') return { all: true };
  // A structure's staff: its one structure, no territory (an unlinked account sees nothing).
  if (user.role === 'structure')
    return { all: false, territoryIds: new Set(), structureId: user.structureId ?? '' };
  if (user.role === 'viewer' && user.territoryIds.length === 0) return { all: true };
  const ids = await store.territories.descendantIds(user.territoryIds);
  return { all: false, territoryIds: new Set(ids) };
}

export function requestScope(store: Store, request: FastifyRequest): Promise<Scope> {
  request.scopeCache ??= scopeOf(store, currentUser(request));
  return request.scopeCache;
}

export function inScope(scope: Scope, territoryId: string | null): boolean {
  if (scope.all) return true;
  return territoryId !== null && scope.territoryIds.has(territoryId);
}

export function assertStructureInScope(scope: Scope, structure: Pick<StoredStructure, 'territoryId'>): void {
  if (!inScope(scope, structure.territoryId)) {
    throw forbidden('structure_out_of_scope');
  }
}

const visibleCache = new WeakMap<Scope, Promise<string[] | undefined>>();

/** Structure ids visible in a scope, for filtering lists and exports; undefined = no filter. */
export function visibleStructureIds(store: Store, scope: Scope): Promise<string[] | undefined> {
  if (scope.all) return Promise.resolve(undefined);
  if (scope.territoryIds.size === 0) return Promise.resolve([]);
  // A scope object lives for one request: the list is computed once per request.
  let ids = visibleCache.get(scope);
  if (!ids) {
    ids = store.structures
      .list({ territoryIds: [...scope.territoryIds] })
      .then((rows) => rows.map((s) => s.id));
    visibleCache.set(scope, ids);
  }
  return ids;
}
