import { determinedUnknowns, type Equation } from './linear.js';

/** One cell of a linked table: a figure of one territory, a chart bar, a chart's total… */
export interface TableVariable {
  published: boolean;
  /**
   * Must never be deducible: hidden by a primary rule, or an unpublished remainder (the structures
   * of a territory outside all its sub-territories) that would itself be hidden.
   */
  sensitive: boolean;
  /** Structures the value rests on (for the rule on sums of hidden cells). */
  contributors: number;
  /** Secondary suppression hides the published variable of lowest cost, then of smallest size. */
  cost: number;
  size: number;
  /** Never hidden: registry figures, which reveal no answer and are public anyway. */
  fixed?: boolean;
  /** Hiding this variable hides these too (a chart dropped from a page hides its bars). */
  hides?: readonly string[];
}

export interface LinkedTable {
  variables: Map<string, TableVariable>;
  equations: Equation[];
}

function sensitiveGroup(table: LinkedTable, k: number): Equation | undefined {
  // An equation whose unknowns are all protected cells gives their sum: it must rest on k structures.
  return table.equations.find((eq) => {
    const unknown = [...eq.keys()].filter((v) => !table.variables.get(v)?.published);
    if (unknown.length < 2) return false;
    const vars = unknown.map((v) => table.variables.get(v)!);
    if (!vars.every((v) => v.sensitive)) return false;
    const total = vars.reduce((s, v) => s + v.contributors, 0);
    return total > 0 && total < k;
  });
}

/**
 * The equations a leak may come from: those holding the leaked cell, then, through every other
 * solved unknown they hold, the equations that solved it (a hidden count given back by the share
 * beside it, which the parent total then turns into the leak).
 */
function derivation(table: LinkedTable, leak: string, solved: ReadonlySet<string>): Equation[] {
  const seen = new Set([leak]);
  const out = new Set<Equation>();
  const queue = [leak];
  while (queue.length) {
    const v = queue.pop()!;
    for (const eq of table.equations) {
      if (!eq.has(v) || out.has(eq)) continue;
      out.add(eq);
      for (const other of eq.keys()) {
        if (seen.has(other) || !solved.has(other)) continue;
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return [...out];
}

/** How many candidates are tried before falling back to the cheapest one (each try is one solve). */
const TRIES = 8;

/** With the published variables hidden with it (a chart's bars with the chart). */
function withHidden(table: LinkedTable, id: string, into: Set<string>): Set<string> {
  if (into.has(id)) return into;
  into.add(id);
  for (const other of table.variables.get(id)?.hides ?? []) withHidden(table, other, into);
  return into;
}

/** The sensitive variables the published ones solve. */
function leaksOf(
  table: LinkedTable,
  unknowns: ReadonlySet<string>,
): { solved: Set<string>; leaks: string[] } {
  const solved = determinedUnknowns(table.equations, unknowns);
  return { solved, leaks: [...solved].filter((id) => table.variables.get(id)!.sensitive) };
}

/**
 * Among the first candidates, the first whose hiding leaves fewer leaks: the cheapest one overall
 * may sit in an equation no leak comes from, and hiding it would only widen the suppression.
 */
function firstThatHelps(
  table: LinkedTable,
  leaks: number,
  unknowns: ReadonlySet<string>,
  candidates: readonly string[],
): string | undefined {
  return candidates.slice(0, TRIES).find((id) => {
    const trial = new Set([...unknowns, ...withHidden(table, id, new Set())]);
    return leaksOf(table, trial).leaks.length < leaks;
  });
}

/**
 * Secondary suppression: while a protected cell can be solved from the published ones (or a sum
 * of protected cells rests on fewer than k structures), hide one more published cell of an
 * equation involving it, the cheapest first. Returns the variables it hid, in order.
 */
export function protectTable(table: LinkedTable, k: number): string[] {
  const hidden: string[] = [];
  const hide = (id: string) => {
    const v = table.variables.get(id);
    if (!v || !v.published) return;
    v.published = false;
    hidden.push(id);
    for (const other of v.hides ?? []) hide(other);
  };
  for (;;) {
    const unknowns = new Set([...table.variables].filter(([, v]) => !v.published).map(([id]) => id));
    if (unknowns.size === 0) break;
    const { solved, leaks } = leaksOf(table, unknowns);
    const group = leaks.length ? undefined : sensitiveGroup(table, k);
    const opened = leaks.map((leak) => derivation(table, leak, solved));
    if (group) opened.push([group]);
    // A candidate in the derivation of several leaks may stop them all at once.
    const score = new Map<string, number>();
    for (const eqs of opened) {
      const ids = new Set(eqs.flatMap((eq) => [...eq.keys()]));
      for (const id of ids)
        if (table.variables.get(id)?.published && !table.variables.get(id)?.fixed)
          score.set(id, (score.get(id) ?? 0) + 1);
    }
    if (score.size === 0 && opened.length === 0) break;
    const candidates = [...score.keys()].sort((a, b) => {
      const va = table.variables.get(a)!;
      const vb = table.variables.get(b)!;
      return va.cost - vb.cost || score.get(b)! - score.get(a)! || va.size - vb.size || a.localeCompare(b);
    });
    const next = (leaks.length && firstThatHelps(table, leaks.length, unknowns, candidates)) || candidates[0];
    // Every cell around it is hidden already: nothing published is left to solve it from.
    if (!next) break;
    hide(next);
  }
  return hidden;
}
