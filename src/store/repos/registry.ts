import type { Registry, Structure } from '../../survey/records.js';
import type { StoredStructure, Territory } from '../api.js';

const LEVEL_ORDER: Record<string, number> = { region: 0, departement: 1, territoire: 2 };

/**
 * Flattens stored structures into the registry the statistics engine reads: typed columns and
 * one column per territory level (name of the ancestor at that level), then free attributes.
 */
export function buildRegistry(
  stored: readonly StoredStructure[],
  territories: readonly Territory[],
): Registry {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const levels = [...new Set(territories.map((t) => t.level))].sort(
    (a, b) => (LEVEL_ORDER[a] ?? 9) - (LEVEL_ORDER[b] ?? 9) || a.localeCompare(b),
  );
  const typed = ['type', 'qpv', 'manager_type', 'commune_code'];
  const free: string[] = [];
  const structures: Structure[] = stored.map((s) => {
    const attributes: Record<string, string> = {};
    if (s.type !== null) attributes.type = s.type;
    if (s.qpv !== null) attributes.qpv = s.qpv ? 'oui' : 'non';
    if (s.managerType !== null) attributes.manager_type = s.managerType;
    if (s.communeCode !== null) attributes.commune_code = s.communeCode;
    const seen = new Set<string>();
    for (
      let t = s.territoryId ? byId.get(s.territoryId) : undefined;
      t && !seen.has(t.id);
      t = t.parentId ? byId.get(t.parentId) : undefined
    ) {
      seen.add(t.id);
      if (attributes[t.level] === undefined) attributes[t.level] = t.name;
    }
    for (const [key, value] of Object.entries(s.attributes)) {
      if (attributes[key] !== undefined) continue;
      attributes[key] = value;
      if (!free.includes(key) && !typed.includes(key) && !levels.includes(key)) free.push(key);
    }
    return { id: s.id, name: s.name, attributes };
  });
  const used = new Set(structures.flatMap((s) => Object.keys(s.attributes)));
  const attributes = [...typed, ...levels, ...free].filter((a) => used.has(a));
  return { structures, attributes };
}
