import { territoryDisplayName } from '../brochure/names.js';
import type { Scope } from '../indicators/units.js';
import type { Campaign } from '../input.js';

export interface TerritoryCount {
  /** Registry value (matched against GeoJSON properties). */
  name: string;
  /** Printed name ("Pas-de-Calais (62)" for a département code). */
  label: string;
  /** Registry structures of the territory. */
  structures: number;
  /** Distinct structures of the territory that answered. */
  respondents: number;
  highlighted: boolean;
}

/** Structures and respondents per value of a registry attribute (optionally within a scope), largest first. */
export function territoryCounts(
  campaign: Campaign,
  attribute: string,
  scope?: Scope,
  highlighted?: string,
): TerritoryCount[] {
  const labelOf = (name: string) => territoryDisplayName(attribute, name);
  const answered = new Set(campaign.responses.map((r) => r.structure).filter((s): s is string => s !== null));
  const counts = new Map<string, TerritoryCount>();
  for (const s of campaign.registry?.structures ?? []) {
    if (
      scope?.structureIds
        ? !scope.structureIds.has(s.id)
        : scope && s.attributes[scope.attribute] !== scope.value
    )
      continue;
    const name = s.attributes[attribute];
    if (!name) continue;
    const entry = counts.get(name) ?? {
      name,
      label: labelOf(name),
      structures: 0,
      respondents: 0,
      highlighted: name === highlighted,
    };
    entry.structures++;
    if (answered.has(s.id)) entry.respondents++;
    counts.set(name, entry);
  }
  return [...counts.values()].sort(
    (a, b) => b.structures - a.structures || a.name.localeCompare(b.name, 'fr'),
  );
}
