import { randomUUID } from 'node:crypto';
import type { RegistryRow } from '../../ingest/registry.js';
import type { Territory } from '../../store/index.js';

export interface PlannedTerritory {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parentId: string | null;
}

/** The stored territories plus the ones the import will create, found by level, name or code. */
export interface TerritoryIndex {
  planned: PlannedTerritory[];
  find(level: string | undefined, name: string, code?: string): Territory | PlannedTerritory | undefined;
  ensure(level: string, name: string, code: string | null, parentId: string | null): string;
  /** True when `id` is `ancestorId` or lies below it. */
  within(id: string, ancestorId: string): boolean;
  name(id: string): string;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function territoryIndex(existing: readonly Territory[]): TerritoryIndex {
  const planned: PlannedTerritory[] = [];
  const all = (): (Territory | PlannedTerritory)[] => [...existing, ...planned];
  const byId = (id: string) => all().find((t) => t.id === id);
  const index: TerritoryIndex = {
    planned,
    find: (level, name, code) =>
      all().find(
        (t) =>
          (level === undefined || t.level === level) &&
          ((code !== undefined && t.code === code) || norm(t.name) === norm(name)),
      ),
    ensure(level, name, code, parentId) {
      const found = index.find(level, name, code ?? undefined);
      if (found) return found.id;
      const created = { id: randomUUID(), name, level, code, parentId };
      planned.push(created);
      return created.id;
    },
    within(id, ancestorId) {
      const seen = new Set<string>();
      for (let t = byId(id); t && !seen.has(t.id); t = t.parentId ? byId(t.parentId) : undefined) {
        if (t.id === ancestorId) return true;
        seen.add(t.id);
      }
      return false;
    },
    name: (id) => byId(id)?.name ?? id,
  };
  return index;
}

/**
 * The territory a row attaches its structure to, or undefined to leave it where it is.
 * A "territoire" name is found (any level) or created under its département (and région, created
 * when needed); a département alone moves the structure only when it is not already inside it.
 * An empty "territoire" cell detaches the structure only with clearEmpty.
 */
export function planTerritory(
  row: RegistryRow,
  current: string | null,
  index: TerritoryIndex,
  clearEmpty: boolean,
): string | null | undefined {
  const territoryName = row.fields.territory ?? '';
  const depText = row.fields.departement ?? '';
  const depName = depText || row.commune?.departement.name;
  const depCode = row.commune?.departement.code ?? (/^\d[0-9AB]?\d?$/.test(depText) ? depText : undefined);
  if (territoryName) {
    const existing = index.find('territoire', territoryName) ?? index.find(undefined, territoryName);
    if (existing) return existing.id;
    let parentId: string | null = null;
    if (depName) {
      const dep = index.find('departement', depName, depCode);
      if (dep) parentId = dep.id;
      else {
        const regionName = (row.fields.region ?? '') || row.commune?.region.name;
        const regionId = regionName
          ? index.ensure('region', regionName, row.commune?.region.code ?? null, null)
          : null;
        parentId = index.ensure('departement', depName, depCode ?? null, regionId);
      }
    }
    return index.ensure('territoire', territoryName, null, parentId);
  }
  if (depName) {
    const dep = index.find('departement', depName, depCode);
    if (dep && !(current && index.within(current, dep.id))) return dep.id;
  }
  if (row.fields.territory === '' && clearEmpty) return null;
  return undefined;
}
