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
    const solved = determinedUnknowns(table.equations, unknowns);
    const leak = [...solved].find((id) => table.variables.get(id)!.sensitive);
    const group = leak ? undefined : sensitiveGroup(table, k);
    const open = leak ? table.equations.filter((eq) => eq.has(leak)) : group ? [group] : [];
    if (open.length === 0) break;
    const candidates = [...new Set(open.flatMap((eq) => [...eq.keys()]))]
      .filter((id) => table.variables.get(id)?.published)
      .sort((a, b) => {
        const va = table.variables.get(a)!;
        const vb = table.variables.get(b)!;
        return va.cost - vb.cost || va.size - vb.size || a.localeCompare(b);
      });
    const next = candidates[0];
    // Every cell around it is hidden already: nothing published is left to solve it from.
    if (!next) break;
    hide(next);
  }
  return hidden;
}
