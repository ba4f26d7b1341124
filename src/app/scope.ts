/**
 * What a user may see: `all`, or the set of territory ids (their territories and descendants).
 * A structure without territory is visible only with `all`. Computed by the adapter from the
 * signed-in user (src/server/access.ts) and handed to the use cases.
 *
 * A structure's staff (role "structure") has no territory and one `structureId`: the modules that
 * only know territories see nothing for it; the solidarity use cases let it reach that structure.
 */
export type Scope = { all: true } | { all: false; territoryIds: Set<string>; structureId?: string };

export function scopeIncludes(scope: Scope, territoryId: string | null): boolean {
  if (scope.all) return true;
  return territoryId !== null && scope.territoryIds.has(territoryId);
}

/** Whether the scope reaches this structure: by its territory, or as the staff's own structure. */
export function scopeIncludesStructure(
  scope: Scope,
  structure: { id: string; territoryId: string | null },
): boolean {
  if (scope.all) return true;
  if (scope.structureId !== undefined) return scope.structureId === structure.id;
  return scopeIncludes(scope, structure.territoryId);
}
