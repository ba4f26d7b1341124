import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface CodeName {
  code: string;
  name: string;
}

export interface CommuneInfo {
  commune: CodeName;
  departement: CodeName;
  region: CodeName;
  epci?: CodeName;
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  /** Parent commune of a municipal arrondissement (Paris, Lyon, Marseille). */
  commune?: string;
  /** Parent commune of a delegated or associated commune. */
  chefLieu?: string;
  anciensCodes?: string[];
}

interface Index {
  communes: Map<string, RawCommune>;
  departements: Map<string, string>;
  regions: Map<string, string>;
  epciByCommune: Map<string, CodeName>;
}

/** Current communes win over arrondissements, which win over delegated/associated ones sharing a code. */
const TYPE_RANK: Record<string, number> = {
  'commune-actuelle': 0,
  'arrondissement-municipal': 1,
  'commune-deleguee': 2,
  'commune-associee': 3,
};

let index: Index | undefined;

/** The official geography (≈ 13 MB of JSON) is only read the first time a code is resolved. */
function load(): Index {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const read = <T>(name: string): T =>
    JSON.parse(
      readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${name}.json`), 'utf8'),
    ) as T;
  const communes = new Map<string, RawCommune>();
  const rank = (c: RawCommune) => TYPE_RANK[c.type] ?? 9;
  const raw = read<RawCommune[]>('communes');
  for (const c of raw) {
    const existing = communes.get(c.code);
    if (!existing || rank(c) < rank(existing)) communes.set(c.code, c);
  }
  // Codes of merged communes still appear in old registries: they lead to the current commune.
  for (const c of raw) {
    if (c.type !== 'commune-actuelle') continue;
    for (const old of c.anciensCodes ?? []) if (!communes.has(old)) communes.set(old, c);
  }
  const departements = new Map(
    read<{ code: string; nom: string }[]>('departements').map((d) => [d.code, d.nom]),
  );
  const regions = new Map(read<{ code: string; nom: string }[]>('regions').map((r) => [r.code, r.nom]));
  const epciByCommune = new Map<string, CodeName>();
  for (const epci of read<{ code: string; nom: string; membres: { code: string }[] }[]>('epci')) {
    for (const member of epci.membres) epciByCommune.set(member.code, { code: epci.code, name: epci.nom });
  }
  index = { communes, departements, regions, epciByCommune };
  return index;
}

/** INSEE commune code shape: 5 characters, Corsica 2A/2B, overseas 97x. */
export function looksLikeCommuneCode(text: string): boolean {
  return /^(?:\d{5}|2[AB]\d{3})$/i.test(text.trim());
}

/** Resolves an INSEE commune code to its département, région and EPCI; undefined when unknown. */
export function resolveCommune(code: string): CommuneInfo | undefined {
  const key = code.trim().toUpperCase();
  if (!looksLikeCommuneCode(key)) return undefined;
  const { communes, departements, regions, epciByCommune } = load();
  const c = communes.get(key);
  if (!c) return undefined;
  const parent = c.commune ?? (c.type === 'commune-actuelle' ? undefined : c.chefLieu);
  const epci = epciByCommune.get(c.code) ?? (parent ? epciByCommune.get(parent) : undefined);
  return {
    commune: { code: c.code, name: c.nom },
    departement: { code: c.departement, name: departements.get(c.departement) ?? c.departement },
    region: { code: c.region, name: regions.get(c.region) ?? c.region },
    ...(epci ? { epci } : {}),
  };
}

export interface CommuneEntry extends CodeName {
  departement: CodeName;
}

let entries: CommuneEntry[] | undefined;

/**
 * Every current commune and municipal arrondissement (Paris, Lyon, Marseille) with its
 * département, once: what a search by name runs through. Delegated and associated communes are
 * left out (their code is their parent's, the search would offer the same code twice).
 */
export function communeEntries(): readonly CommuneEntry[] {
  if (entries) return entries;
  const { communes, departements } = load();
  const seen = new Set<string>();
  entries = [];
  for (const c of communes.values()) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    entries.push({
      code: c.code,
      name: c.nom,
      departement: { code: c.departement, name: departements.get(c.departement) ?? c.departement },
    });
  }
  return entries;
}
