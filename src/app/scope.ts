/**
 * What a user may see: `all`, or the set of territory ids (their territories and descendants).
 * A structure without territory is visible only with `all`. Computed by the adapter from the
 * signed-in user (src/server/access.ts) and handed to the use cases.
 */
export type Scope = { all: true } | { all: false; territoryIds: Set<string> };

export function scopeIncludes(scope: Scope, territoryId: string | null): boolean {
  if (scope.all) return true;
  return territoryId !== null && scope.territoryIds.has(territoryId);
}
