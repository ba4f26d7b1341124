import { createRequire } from 'node:module';

const LEVEL_LABELS: Record<string, { fr: string; en: string }> = {
  territoire: { fr: 'Territoire', en: 'Territory' },
  departement: { fr: 'Département', en: 'Département' },
  region: { fr: 'Région', en: 'Region' },
  epci: { fr: 'Intercommunalité', en: 'Intercommunality' },
  commune: { fr: 'Commune', en: 'Commune' },
};

export function levelLabel(level: string, lang: 'fr' | 'en'): string {
  return LEVEL_LABELS[level]?.[lang] ?? level.charAt(0).toUpperCase() + level.slice(1);
}

let departements: Map<string, string> | undefined;

/** "62" → "Pas-de-Calais (62)" for a département level; other names are printed as given. */
export function territoryDisplayName(level: string, name: string): string {
  if (level !== 'departement' || !/^(\d{2,3}|2[AB])$/.test(name)) return name;
  if (!departements) {
    const list = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/departements.json') as {
      code: string;
      nom: string;
    }[];
    departements = new Map(list.map((d) => [d.code, d.nom]));
  }
  const label = departements.get(name);
  return label ? `${label} (${name})` : name;
}
