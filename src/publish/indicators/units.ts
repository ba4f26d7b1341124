import type { ResponseRecord, Registry } from '../../survey/records.js';
import type { Unit } from '../conditions.js';
import type { Population } from './schema.js';

/** Restricts a publication to one territory: registry structures whose attribute equals value. */
export interface Scope {
  attribute: string;
  value: string;
  /**
   * When given, the scope is exactly these registry structures (a territory and its descendants,
   * resolved by territory id): names are only labels, two territories may share one.
   */
  structureIds?: ReadonlySet<string>;
}

/** Responses and registry of one campaign, restricted to a scope, ready to be counted. */
export interface UnitSets {
  responses: Unit[];
  respondents: Unit[];
  structures: Unit[];
  /** Registry structure count is known (a registry was given). */
  hasRegistry: boolean;
}

function submittedTime(r: ResponseRecord): number {
  const t = r.submittedAt ? Date.parse(r.submittedAt) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

export function buildUnits(
  responses: readonly ResponseRecord[],
  registry: Registry | undefined,
  scope?: Scope,
): UnitSets {
  const byId = new Map((registry?.structures ?? []).map((s) => [s.id, s]));
  const inScope = (id: string | null): boolean => {
    if (!scope) return true;
    if (id === null) return false;
    if (scope.structureIds) return scope.structureIds.has(id);
    return byId.get(id)?.attributes[scope.attribute] === scope.value;
  };
  const responseUnits: Unit[] = [];
  // A structure that answered twice counts once, with its latest answer.
  const latest = new Map<string, { record: ResponseRecord; unit: Unit }>();
  for (const r of responses) {
    if (!inScope(r.structure)) continue;
    const structure = r.structure !== null ? byId.get(r.structure) : undefined;
    const unit: Unit = {
      data: r.data,
      attributes: structure?.attributes ?? {},
      structure: structure ? structure.id : null,
    };
    responseUnits.push(unit);
    if (structure) {
      const previous = latest.get(structure.id);
      if (!previous || submittedTime(r) >= submittedTime(previous.record))
        latest.set(structure.id, { record: r, unit });
    }
  }
  const structures: Unit[] = (registry?.structures ?? [])
    .filter((s) => inScope(s.id))
    .map((s) => ({ data: latest.get(s.id)?.unit.data ?? {}, attributes: s.attributes, structure: s.id }));
  return {
    responses: responseUnits,
    respondents: [...latest.values()].map((v) => v.unit),
    structures,
    hasRegistry: registry !== undefined,
  };
}

export function population(sets: UnitSets, of: Population): Unit[] {
  return sets[of];
}
