/**
 * What an attacker can solve from published figures: a set of linear equations (a parent equals
 * the sum of its children, a chart's bars add up to its base…) where the published values are
 * known and the others are unknowns. An unknown is *determined* when some combination of the
 * equations isolates it; in reduced row echelon form that is a row whose only non-zero entry is
 * that unknown.
 */

/** One equation: Σ coefficient × variable = (something the attacker knows or not). */
export type Equation = ReadonlyMap<string, number>;

const EPSILON = 1e-9;

/** The unknowns (variables not published) that the equations determine uniquely. */
export function determinedUnknowns(
  equations: readonly Equation[],
  unknowns: ReadonlySet<string>,
): Set<string> {
  const columns = [...unknowns];
  const index = new Map(columns.map((v, i) => [v, i]));
  const rows: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(columns.length).fill(0);
    let any = false;
    for (const [v, c] of eq) {
      const i = index.get(v);
      if (i === undefined || c === 0) continue;
      row[i]! += c;
      any = true;
    }
    if (any) rows.push(row);
  }
  // Gauss-Jordan elimination with partial pivoting.
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < columns.length && rank < rows.length; col++) {
    let best = rank;
    for (let r = rank + 1; r < rows.length; r++)
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) < EPSILON) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const pivot = rows[rank]!;
    const p = pivot[col]!;
    for (let c = 0; c < pivot.length; c++) pivot[c]! /= p;
    for (let r = 0; r < rows.length; r++) {
      if (r === rank) continue;
      const f = rows[r]![col]!;
      if (Math.abs(f) < EPSILON) continue;
      const row = rows[r]!;
      for (let c = 0; c < row.length; c++) row[c]! -= f * pivot[c]!;
    }
    pivots.push(col);
    rank++;
  }
  const out = new Set<string>();
  for (let r = 0; r < rank; r++) {
    const row = rows[r]!;
    const nonZero = row.reduce((n, x) => n + (Math.abs(x) > EPSILON ? 1 : 0), 0);
    if (nonZero === 1) out.add(columns[pivots[r]!]!);
  }
  return out;
}
