import { asNumber, matches, type Unit } from '../conditions.js';
import type { Figure } from '../indicators/figure.js';
import type { Indicator } from '../indicators/schema.js';
import { buildUnits, type UnitSets } from '../indicators/units.js';
import type { Campaign } from '../input.js';

/**
 * Links between indicators. A published figure gives additive quantities away: a count its value,
 * a share its numerator and its base (and so the complement, base − numerator), a sum or a mean
 * its total (mean × base) and its base. Two indicators may give the same quantity (a count of
 * "adhérent = oui" and the numerator of the share of members), or quantities that add up (a count,
 * the count of a sub-population and the count of the rest; a share and the share of its
 * complement). Each quantity is a vector over the network's units; every linear relation between
 * these vectors holds in every territory too (a territory is a subset of the units), so the
 * relations found on the network are the equations an attacker may use in each published cell.
 */

export type Role = 'value' | 'base' | 'complement';

export interface Quantity {
  /** "<indicator>", "<indicator>:base" or "<indicator>:complement". */
  id: string;
  indicator: string;
  role: Role;
}

/** The additive indicators whose figures give quantities away (registry-only ones included: they are published). */
export function isAdditive(ind: Indicator): boolean {
  return ['count', 'sum', 'mean', 'share', 'participation'].includes(ind.kind);
}

export function quantitiesOf(ind: Indicator): Quantity[] {
  if (!isAdditive(ind)) return [];
  const q = (role: Role): Quantity => ({
    id: role === 'value' ? ind.id : `${ind.id}:${role}`,
    indicator: ind.id,
    role,
  });
  if (ind.kind === 'count') return [q('value')];
  if (ind.kind === 'share' || ind.kind === 'participation') return [q('value'), q('base'), q('complement')];
  return [q('value'), q('base')];
}

/** A quantity of a figure, as computed (the published value, base and numerator). */
export function quantityValue(figure: Figure, role: Role): number {
  const value = typeof figure.value === 'number' ? figure.value : 0;
  if (role === 'base') return figure.base;
  if (figure.kind === 'share' || figure.kind === 'participation') {
    const numerator = figure.numerator ?? 0;
    return role === 'value' ? numerator : figure.base - numerator;
  }
  if (figure.kind === 'mean') return value * figure.base;
  return value;
}

/** Each unit's contribution to each quantity, over a whole campaign. Units shared by populations share a key. */
function contributions(
  ind: Indicator,
  sets: UnitSets,
  key: (u: Unit) => number,
): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const put = (id: string, u: Unit, x: number) => {
    if (x === 0) return;
    const m = out.get(id) ?? new Map<number, number>();
    m.set(key(u), (m.get(key(u)) ?? 0) + x);
    out.set(id, m);
  };
  const where = (units: Unit[]) => (ind.where ? units.filter((u) => matches(ind.where, u)) : units);
  switch (ind.kind) {
    case 'count':
      for (const u of where(sets[ind.of])) put(ind.id, u, 1);
      break;
    case 'share':
      for (const u of where(sets[ind.of])) {
        put(`${ind.id}:base`, u, 1);
        put(matches(ind.condition, u) ? ind.id : `${ind.id}:complement`, u, 1);
      }
      break;
    case 'participation': {
      const responded = new Set(sets.respondents.map((r) => r.structure));
      for (const u of where(sets.structures)) {
        put(`${ind.id}:base`, u, 1);
        put(responded.has(u.structure) ? ind.id : `${ind.id}:complement`, u, 1);
      }
      break;
    }
    case 'sum':
    case 'mean':
      for (const u of where(sets[ind.of])) {
        const n = asNumber(u.data[ind.question]);
        if (n === undefined) continue;
        put(`${ind.id}:base`, u, 1);
        put(ind.id, u, n);
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * The network's units, keyed so that a structure's latest response, the structure as a
 * respondent and the structure in the registry are one unit (they are the same answers).
 */
function unitKeys(sets: UnitSets): (u: Unit) => number {
  const keys = new Map<Unit, number>();
  sets.responses.forEach((u, i) => keys.set(u, i));
  const byStructure = new Map(sets.respondents.map((u) => [u.structure, keys.get(u)!]));
  let next = sets.responses.length;
  for (const u of sets.structures) keys.set(u, byStructure.get(u.structure) ?? next++);
  return (u) => keys.get(u)!;
}

const EPSILON = 1e-9;

/**
 * Linear relations Σ cᵢ·qᵢ = 0 between the quantities, over the whole campaign (a basis of the
 * null space of the units × quantities matrix, columns scaled to 1 so amounts and counts compare).
 * Quantities that are zero everywhere are left out: they are known zeros.
 */
export function quantityRelations(
  campaign: Campaign,
  indicators: readonly Indicator[],
): { quantities: Quantity[]; relations: Map<string, number>[] } {
  const sets = buildUnits(campaign.responses, campaign.registry);
  const key = unitKeys(sets);
  const vectors = new Map<string, Map<number, number>>();
  for (const ind of indicators) for (const [id, v] of contributions(ind, sets, key)) vectors.set(id, v);
  const quantities = indicators.flatMap(quantitiesOf).filter((q) => vectors.has(q.id));
  const units = [...new Set(quantities.flatMap((q) => [...vectors.get(q.id)!.keys()]))];
  const row = new Map(units.map((u, i) => [u, i]));
  const scale = quantities.map((q) => Math.max(...[...vectors.get(q.id)!.values()].map(Math.abs)));
  const m = units.map(() => new Array<number>(quantities.length).fill(0));
  quantities.forEach((q, j) => {
    for (const [u, x] of vectors.get(q.id)!) m[row.get(u)!]![j] = x / scale[j]!;
  });
  // Reduced row echelon form; each free column gives one relation with the pivot columns.
  const pivotOfRow: number[] = [];
  let rank = 0;
  for (let col = 0; col < quantities.length && rank < m.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < m.length; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[best]![col]!)) best = r;
    if (Math.abs(m[best]![col]!) < EPSILON) continue;
    [m[rank], m[best]] = [m[best]!, m[rank]!];
    const pivot = m[rank]!;
    const p = pivot[col]!;
    for (let c = col; c < pivot.length; c++) pivot[c]! /= p;
    for (let r = 0; r < m.length; r++) {
      const f = m[r]![col]!;
      if (r === rank || Math.abs(f) < EPSILON) continue;
      const target = m[r]!;
      for (let c = col; c < target.length; c++) target[c]! -= f * pivot[c]!;
    }
    pivotOfRow.push(col);
    rank++;
  }
  const pivots = new Set(pivotOfRow);
  const relations: Map<string, number>[] = [];
  for (let free = 0; free < quantities.length; free++) {
    if (pivots.has(free)) continue;
    // In scaled columns: x_free = 1, x_pivot = −R[r][free]; back to the quantities' units.
    const relation = new Map<string, number>([[quantities[free]!.id, 1 / scale[free]!]]);
    pivotOfRow.forEach((col, r) => {
      const c = m[r]![free]!;
      if (Math.abs(c) > EPSILON) relation.set(quantities[col]!.id, -c / scale[col]!);
    });
    // Coefficients of about 1, so that the solver's tolerance does not take a small one for zero.
    const largest = Math.max(...[...relation.values()].map(Math.abs));
    for (const [id, c] of relation) relation.set(id, c / largest);
    relations.push(relation);
  }
  return { quantities, relations };
}
