import { percentOf } from '../report/format.js';
import type { Participation, ParticipationGroup } from '../report/model.js';
import type { CompiledFilter, RegistryIndex } from './keys.js';
import { ReportOptionsError } from './keys.js';

export type RateBasis = 'responses' | 'structures';

/**
 * Counts responses during the report's single pass: overall, and per registry structure so that
 * the population and the groups can be derived afterwards without keeping the responses.
 */
export class ParticipationCounter {
  private responses = 0;
  private linked = 0;
  private readonly perStructure: Int32Array;

  constructor(private readonly index: RegistryIndex) {
    this.perStructure = new Int32Array(index.registry?.structures.length ?? 0);
  }

  add(structure: number): void {
    this.responses++;
    if (structure >= 0) {
      this.linked++;
      this.perStructure[structure]!++;
    }
  }

  checkGroupBy(groupBy: string | undefined): void {
    const registry = this.index.registry;
    if (registry && groupBy && !registry.attributes.includes(groupBy)) {
      throw new ReportOptionsError('report_group_by_unknown', { groupBy, attributes: registry.attributes });
    }
  }

  /**
   * Population = registry rows passing the registry filters. The rate is responses / population
   * (HDF 2019: 91 / 238 = 38.24 %, anonymous responses included) or, with basis "structures",
   * distinct responding structures / population (flash COVID 2020: 114 / 170). Groups count the
   * responses linked to their structures only: anonymous ones have no group.
   */
  result(filters: CompiledFilter[], groupBy: string | undefined, basis: RateBasis): Participation {
    const registry = this.index.registry;
    const base = { responses: this.responses, linked: this.linked, anonymous: this.responses - this.linked };
    if (!registry) return { population: null, ...base, rate: null, byGroup: [] };
    const inScope = registry.structures.map((_, i) =>
      filters.every((f) => !f.structures || f.structures[i] === 1),
    );
    const measure = (i: number) =>
      basis === 'structures' ? Math.min(1, this.perStructure[i]!) : this.perStructure[i]!;
    let population = 0;
    let respondents = 0;
    inScope.forEach((ok, i) => {
      if (!ok) return;
      population++;
      if (this.perStructure[i]! > 0) respondents++;
    });
    const numerator = basis === 'structures' ? respondents : this.responses;
    const participation: Participation = {
      population,
      ...base,
      rate: percentOf(numerator, population),
      byGroup: [],
    };
    if (!groupBy) return participation;
    this.checkGroupBy(groupBy);
    participation.groupBy = groupBy;
    participation.byGroup = participationGroups(
      registry.structures.flatMap((s, i) =>
        inScope[i] ? [{ group: s.attributes[groupBy] ?? '', responses: measure(i) }] : [],
      ),
    );
    return participation;
  }
}

/**
 * Population, responses and rate per group, sorted by group name (French order, numbers in numeric
 * order): the one participation computation shared by reports (registry attributes) and campaign
 * follow-up (territory levels). Each member counts once in its group's population; members with an
 * empty group are left out.
 */
export function participationGroups(
  members: Iterable<{ group: string; responses: number }>,
): ParticipationGroup[] {
  const groups = new Map<string, ParticipationGroup>();
  for (const { group: key, responses } of members) {
    if (key === '') continue;
    let group = groups.get(key);
    if (!group) {
      group = { group: key, population: 0, responses: 0, rate: null };
      groups.set(key, group);
    }
    group.population++;
    group.responses += responses;
  }
  return [...groups.values()]
    .sort((a, b) => a.group.localeCompare(b.group, 'fr', { numeric: true }))
    .map((g) => ({ ...g, rate: percentOf(g.responses, g.population) }));
}

/** Config's groupBy, else "territoire" when the registry has it, else its first attribute. */
export function defaultGroupBy(index: RegistryIndex, configured: string | undefined): string | undefined {
  const attributes = index.registry?.attributes ?? [];
  if (configured) return configured;
  if (attributes.includes('territoire')) return 'territoire';
  return attributes[0];
}
