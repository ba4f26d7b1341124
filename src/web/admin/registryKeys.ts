import type { MessageKey, Translate } from '../i18n.js';
import type { Structure, Territory } from '../types.js';

/**
 * The registry columns a report can filter or break down by, as the server's registry for the
 * statistics engine names them (src/store/repos/registry.ts): typed columns, one column per
 * territory level, then free attributes.
 */
const TYPED = ['type', 'qpv', 'manager_type'];
const LEVEL_ORDER: Record<string, number> = { region: 0, departement: 1, territoire: 2 };

export function registryKeys(structures: Structure[], territories: Territory[]): string[] {
  const levels = [...new Set(territories.map((t) => t.level))].sort(
    (a, b) => (LEVEL_ORDER[b] ?? -1) - (LEVEL_ORDER[a] ?? -1) || a.localeCompare(b),
  );
  const keys = new Set([...levels, ...TYPED]);
  for (const s of structures) for (const key of Object.keys(s.attributes)) keys.add(key);
  return [...keys];
}

/** Values of `key` in the registry, offered as suggestions. */
export function registryValues(structures: Structure[], territories: Territory[], key: string): string[] {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const levelName = (territoryId: string | null): string | undefined => {
    const seen = new Set<string>();
    for (let t = territoryId ? byId.get(territoryId) : undefined; t && !seen.has(t.id);) {
      if (t.level === key) return t.name;
      seen.add(t.id);
      t = t.parentId ? byId.get(t.parentId) : undefined;
    }
    return undefined;
  };
  const isLevel = territories.some((t) => t.level === key);
  const values = new Set<string>();
  for (const s of structures) {
    let value: string | null | undefined;
    if (key === 'type') value = s.type;
    else if (key === 'qpv') value = s.qpv === null ? null : s.qpv ? 'oui' : 'non';
    else if (key === 'manager_type') value = s.managerType;
    else if (isLevel) value = levelName(s.territoryId);
    else value = s.attributes[key];
    if (value) values.add(value);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'fr'));
}

const LABELLED = new Set([
  'type',
  'qpv',
  'manager_type',
  'region',
  'departement',
  'territoire',
  'email',
  'commune',
  'commune_code',
  'adresse',
  'services',
  'horaires',
  'telephone',
  'siret',
]);

/**
 * What a person reads for a registry key: its label when Panorama knows the column, otherwise the
 * imported column name made readable ("nb_salaries" → "Nb salaries"), never a raw snake_case key.
 */
export function attributeLabel(key: string, t: Translate): string {
  if (LABELLED.has(key)) return t(`attr.${key}` as MessageKey);
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}
