import type { Figure } from '../../../src/publish/indicators/figure.js';

/**
 * An attacker independent of the code under test: it reads published figures, writes the
 * equations it knows (a territory's total is the sum of its sub-territories'; relations between
 * indicators it reads from their definitions; a published change ties two years) and solves them.
 * Unknowns are the quantities not published; a suppressed figure whose quantity is solved is a leak.
 */
export interface Page {
  /** Cell key ("network", "T1"…). */
  cell: string;
  figures: readonly Figure[];
}

/** Σ coefficient × quantity = 0 within every cell; a quantity is "<indicator>" or "<indicator>:base". */
export type Relation = [string, number][];

export interface Knowledge {
  /** Parent cell → its children (their structures partition the parent's). */
  children: Record<string, string[]>;
  relations?: Relation[];
  /** Parents with structures (or anonymous responses) outside all their children: an unknown rest each. */
  rests?: string[];
  /** Indicators the attack is about (additive ones: count, sum, mean, share). */
  indicators: string[];
}

/** What the published figure gives away of its quantities (undefined: not published). */
function known(f: Figure | undefined): { value?: number; base?: number } {
  if (!f || f.suppressed || typeof f.value !== 'number') return {};
  const value =
    f.kind === 'share' ? (f.value * f.base) / 100 : f.kind === 'mean' ? f.value * f.base : f.value;
  return { value, base: f.base };
}

type Row = { coef: Map<string, number>; rhs: number };

/** Gauss–Jordan over the unknowns; returns the unknowns determined, with their value. */
export function solve(rows: Row[]): Map<string, number> {
  const vars = [...new Set(rows.flatMap((r) => [...r.coef.keys()]))];
  const m = rows.map((r) => [...vars.map((v) => r.coef.get(v) ?? 0), r.rhs]);
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < vars.length && rank < m.length; c++) {
    let best = rank;
    for (let r = rank + 1; r < m.length; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[best]![c]!)) best = r;
    if (Math.abs(m[best]![c]!) < 1e-9) continue;
    [m[rank], m[best]] = [m[best]!, m[rank]!];
    const p = m[rank]![c]!;
    m[rank] = m[rank]!.map((x) => x / p);
    for (let r = 0; r < m.length; r++) {
      if (r === rank) continue;
      const f = m[r]![c]!;
      if (Math.abs(f) > 1e-12) m[r] = m[r]!.map((x, i) => x - f * m[rank]![i]!);
    }
    pivots.push(c);
    rank++;
  }
  const out = new Map<string, number>();
  for (let r = 0; r < rank; r++) {
    const nonZero = vars.filter((_, i) => Math.abs(m[r]![i]!) > 1e-9);
    if (nonZero.length === 1) out.set(nonZero[0]!, m[r]![vars.length]!);
  }
  return out;
}

/** Builds the equations from a year's pages; `prefix` names that year's unknowns. */
function yearRows(pages: readonly Page[], k: Knowledge, prefix: string): Row[] {
  const rows: Row[] = [];
  const byCell = new Map(pages.map((p) => [p.cell, new Map(p.figures.map((f) => [f.id, f]))]));
  const term = (cell: string, q: string, c: number, row: Row) => {
    const [id, role] = q.split(':') as [string, string | undefined];
    const got = known(byCell.get(cell)?.get(id));
    const value = role === 'base' ? got.base : got.value;
    if (value !== undefined) row.rhs -= c * value;
    else row.coef.set(`${prefix}${cell}|${q}`, (row.coef.get(`${prefix}${cell}|${q}`) ?? 0) + c);
  };
  const quantities = k.indicators.flatMap((id) => [id, `${id}:base`]);
  for (const [parent, kids] of Object.entries(k.children)) {
    for (const q of quantities) {
      const row: Row = { coef: new Map(), rhs: 0 };
      term(parent, q, 1, row);
      for (const c of kids) term(c, q, -1, row);
      if (k.rests?.includes(parent)) row.coef.set(`${prefix}${parent}#rest|${q}`, -1);
      rows.push(row);
    }
  }
  for (const relation of k.relations ?? [])
    for (const cell of byCell.keys()) {
      const row: Row = { coef: new Map(), rhs: 0 };
      for (const [q, c] of relation) term(cell, q, c, row);
      rows.push(row);
    }
  return rows.filter((r) => r.coef.size > 0);
}

export interface Leak {
  cell: string;
  indicator: string;
  year: string;
  value: number;
}

/**
 * Tries every published output: the current pages, and the previous values and changes they
 * show (each previous year's figures are unknowns "<label>/<cell>|<indicator>" tied by the
 * same hierarchy). Returns every suppressed figure it recovers.
 */
export function attack(pages: readonly Page[], k: Knowledge, current = 'now'): Leak[] {
  const rows = yearRows(pages, k, `${current}/`);
  const labels = new Set(
    pages.flatMap((p) => p.figures.flatMap((f) => (f.previous ?? []).map((x) => x.label))),
  );
  for (const label of labels) {
    // A previous year's page: the values shown as "previous" (no base: sums and counts only).
    const previousPages: Page[] = pages.map((p) => ({
      cell: p.cell,
      figures: p.figures.map((f): Figure => {
        const shown = f.previous?.find((x) => x.label === label)?.value;
        const { suppressed: _s, ...rest } = f;
        return typeof shown === 'number'
          ? { ...rest, value: shown }
          : { ...rest, value: null, suppressed: { reason: 'not shown' } };
      }),
    }));
    rows.push(...yearRows(previousPages, { ...k, relations: [] }, `${label}/`));
    // A published change ties this year's value to the previous one.
    for (const p of pages)
      for (const f of p.figures) {
        if (!f.change || f.change.since !== label || f.unit === '%') continue;
        // previous × (1 + change) − now = 0, with what is published put on the right.
        const factor = 1 + f.change.value / 100;
        const before = f.previous?.find((x) => x.label === label)?.value;
        const now = known(f).value;
        const row: Row = { coef: new Map(), rhs: 0 };
        if (typeof before === 'number') row.rhs -= factor * before;
        else row.coef.set(`${label}/${p.cell}|${f.id}`, factor);
        if (now !== undefined) row.rhs += now;
        else row.coef.set(`${current}/${p.cell}|${f.id}`, -1);
        if (row.coef.size === 0) continue;
        rows.push(row);
      }
  }
  const solved = solve(rows);
  const leaks: Leak[] = [];
  for (const [name, value] of solved) {
    const [year, rest] = name.split('/') as [string, string];
    const [cell, q] = rest.split('|') as [string, string];
    if (q.includes(':') || cell.endsWith('#rest')) continue;
    leaks.push({ cell, indicator: q, year, value });
  }
  return leaks.sort((a, b) =>
    `${a.year}${a.cell}${a.indicator}`.localeCompare(`${b.year}${b.cell}${b.indicator}`),
  );
}
