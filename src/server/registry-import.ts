import { randomUUID } from 'node:crypto';
import type { StructureInput, Territory } from '../store/index.js';
import { looksLikeCommuneCode, resolveCommune, type CommuneInfo } from '../ingest/commune.js';

/** One refused cell of a registry file (line = physical line in the file, header = line 1). */
export interface ImportProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface PlannedTerritory {
  id: string;
  name: string;
  level: string;
  code: string | null;
  parentId: string | null;
}

export interface ImportPlan {
  structures: StructureInput[];
  territories: PlannedTerritory[];
  errors: ImportProblem[];
  toCreate: number;
  toUpdate: number;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Registry columns Panorama understands; every other column becomes a free attribute. */
const COLUMN_ALIASES: Record<string, string[]> = {
  id: ['id', 'identifiant', 'code structure'],
  name: ['nom', 'name', 'raison sociale'],
  type: ['type', 'type structure'],
  address: ['adresse', 'address'],
  commune: ['code commune', 'commune', 'insee', 'code insee', 'commune code'],
  territory: ['territoire', 'territory'],
  departement: ['departement', 'dept'],
  region: ['region'],
  qpv: ['qpv'],
  managerType: ['gestion', 'manager type', 'type gestion', 'gestionnaire'],
  email: ['email', 'e mail', 'courriel', 'mail'],
};

export function mapColumns(columns: string[]): Partial<Record<keyof typeof COLUMN_ALIASES, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES)) {
    const found = columns.find((c) => aliases.includes(norm(c)));
    if (found !== undefined) out[field] = found;
  }
  return out;
}

function parseType(value: string): 'CS' | 'EVS' | null | undefined {
  const v = norm(value);
  if (v === '') return null;
  if (v === 'cs' || v === 'centre social' || v === 'centres sociaux') return 'CS';
  if (v === 'evs' || v === 'espace de vie sociale') return 'EVS';
  return undefined;
}

function parseBool(value: string): boolean | null | undefined {
  const v = norm(value);
  if (v === '') return null;
  if (['oui', 'o', 'yes', 'true', 'vrai', '1', 'x'].includes(v)) return true;
  if (['non', 'n', 'no', 'false', 'faux', '0'].includes(v)) return false;
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Turns the rows of a registry file into structures to upsert and territories to create,
 * collecting every problem with its line and column; nothing is written here.
 */
export function planImport(
  columns: string[],
  rows: Record<string, string>[],
  lineOf: (index: number) => number,
  existingTerritories: Territory[],
  existingIds: ReadonlySet<string>,
): ImportPlan {
  const cols = mapColumns(columns);
  const errors: ImportProblem[] = [];
  const known = new Set(Object.values(cols));
  const territories: PlannedTerritory[] = [];
  const all = (): (Territory | PlannedTerritory)[] => [...existingTerritories, ...territories];
  const findTerritory = (level: string | undefined, name: string, code?: string) =>
    all().find(
      (t) =>
        (level === undefined || t.level === level) &&
        ((code !== undefined && t.code === code) || norm(t.name) === norm(name)),
    );
  const ensure = (level: string, name: string, code: string | null, parentId: string | null) => {
    const found = findTerritory(level, name, code ?? undefined);
    if (found) return found.id;
    const created = { id: randomUUID(), name, level, code, parentId };
    territories.push(created);
    return created.id;
  };

  const structures: StructureInput[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = lineOf(index);
    const cell = (field: keyof typeof COLUMN_ALIASES) => (cols[field] ? (row[cols[field]] ?? '').trim() : '');
    const problem = (field: keyof typeof COLUMN_ALIASES, reason: string) =>
      errors.push({ line, column: cols[field] ?? field, value: cell(field), reason });

    const id = cell('id');
    const name = cell('name');
    if (!id) problem('id', 'identifiant vide');
    if (!name) problem('name', 'nom vide');
    if (id && seen.has(id)) problem('id', `identifiant en double (déjà utilisé ligne ${seen.get(id)})`);
    if (id) seen.set(id, line);

    const type = parseType(cell('type'));
    if (type === undefined)
      problem('type', 'type inconnu : attendu CS (centre social) ou EVS (espace de vie sociale)');
    const qpv = parseBool(cell('qpv'));
    if (qpv === undefined) problem('qpv', 'valeur inconnue : attendu oui ou non');
    const email = cell('email');
    if (email && !EMAIL.test(email)) problem('email', 'adresse e-mail invalide');

    let commune: CommuneInfo | undefined;
    const communeText = cell('commune');
    if (communeText) {
      if (looksLikeCommuneCode(communeText)) {
        commune = resolveCommune(communeText);
        if (!commune) problem('commune', 'code commune INSEE inconnu');
      } else {
        problem('commune', 'code commune INSEE attendu (5 caractères, ex. 59350)');
      }
    }

    const attributes: Record<string, string> = {};
    for (const column of columns) {
      if (known.has(column)) continue;
      const value = (row[column] ?? '').trim();
      if (value !== '') attributes[column] = value;
    }
    if (email) attributes.email = email;
    const depText = cell('departement');
    const regionText = cell('region');
    if (depText) attributes.departement = depText;
    else if (commune) attributes.departement = commune.departement.name;
    if (regionText) attributes.region = regionText;
    else if (commune) attributes.region = commune.region.name;
    if (commune?.epci && !attributes.epci) attributes.epci = commune.epci.name;
    if (commune) attributes.commune = commune.commune.name;

    // Territory: the named one, created under its département (and région) when it does not exist.
    let territoryId: string | null = null;
    const territoryName = cell('territory');
    const depName = depText || commune?.departement.name;
    const depCode = commune?.departement.code ?? (/^\d[0-9AB]?\d?$/.test(depText) ? depText : undefined);
    if (territoryName) {
      const existing = findTerritory('territoire', territoryName) ?? findTerritory(undefined, territoryName);
      if (existing) territoryId = existing.id;
      else {
        let parentId: string | null = null;
        if (depName) {
          const regionName = regionText || commune?.region.name;
          const dep = findTerritory('departement', depName, depCode);
          if (dep) parentId = dep.id;
          else {
            const regionId = regionName
              ? ensure('region', regionName, commune?.region.code ?? null, null)
              : null;
            parentId = ensure('departement', depName, depCode ?? null, regionId);
          }
        }
        territoryId = ensure('territoire', territoryName, null, parentId);
      }
    } else if (depName) {
      territoryId = findTerritory('departement', depName, depCode)?.id ?? null;
    }

    structures.push({
      id,
      name,
      type: type ?? null,
      address: cell('address') || null,
      communeCode: commune?.commune.code ?? null,
      territoryId,
      qpv: qpv ?? null,
      managerType: cell('managerType') || null,
      attributes,
    });
  });
  const toUpdate = structures.filter((s) => existingIds.has(s.id)).length;
  return { structures, territories, errors, toCreate: structures.length - toUpdate, toUpdate };
}
