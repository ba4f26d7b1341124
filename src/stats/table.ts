import type { Breakdown, BreakdownRow, FrequencyRow, NumericStats } from '../report/model.js';
import type { RowOrder } from './config.js';
import { notDisplayedLabel, type GroupingInfo, type ReportContext, type RowDef } from './context.js';

/**
 * Counts of a frequency table, one cell per (row, slot) in a flat Int32Array, plus the number of
 * responses that displayed the question (and, for base "all", that did not) per slot.
 */
export class CountTable {
  readonly counts: Int32Array;
  readonly displayed: Int32Array;
  readonly hidden: Int32Array;

  constructor(
    readonly rows: RowDef[],
    readonly slots: number,
  ) {
    this.counts = new Int32Array(rows.length * slots);
    this.displayed = new Int32Array(slots);
    this.hidden = new Int32Array(slots);
  }

  count(row: number, slot: number): void {
    const at = row * this.slots;
    this.counts[at]!++;
    if (slot > 0) this.counts[at + slot]!++;
  }

  show(slot: number): void {
    this.displayed[0]!++;
    if (slot > 0) this.displayed[slot]!++;
  }

  hide(slot: number): void {
    this.hidden[0]!++;
    if (slot > 0) this.hidden[slot]!++;
  }

  base(slot: number, ctx: ReportContext): number {
    return ctx.baseMode === 'all' ? this.displayed[slot]! + this.hidden[slot]! : this.displayed[slot]!;
  }

  cell(row: number, slot: number): number {
    return this.counts[row * this.slots + slot]!;
  }

  /** Row indexes in presentation order (frequency order moves only the answer choices). */
  order(order: RowOrder): number[] {
    const indexes = this.rows.map((_, i) => i);
    if (order !== 'frequency') return indexes;
    const sortable = indexes.filter((i) => this.rows[i]!.rowKind === 'choice');
    sortable.sort((a, b) => this.cell(b, 0) - this.cell(a, 0) || a - b);
    const rest = indexes.filter((i) => this.rows[i]!.rowKind !== 'choice');
    return [...sortable, ...rest];
  }

  /**
   * `notDisplayed`: with base "all", whether the "not displayed" row is listed even at 0
   * (LimeSurvey lists it for multiple choice only when some response did not display it).
   */
  frequencyRows(
    ctx: ReportContext,
    order: RowOrder,
    notDisplayed: 'always' | 'nonzero' = 'always',
  ): FrequencyRow[] {
    const base = this.base(0, ctx);
    const rows = this.order(order).map((i) => {
      const def = this.rows[i]!;
      const count = this.cell(i, 0);
      return {
        value: def.value,
        label: def.label,
        count,
        percent: ctx.percent(count, base),
        rowKind: def.rowKind,
      };
    });
    if (ctx.baseMode === 'all' && (notDisplayed === 'always' || this.hidden[0]! > 0))
      rows.push(notDisplayedRow(this.hidden[0]!, base, ctx));
    return rows;
  }

  breakdown(
    ctx: ReportContext,
    order: RowOrder,
    notDisplayed: 'always' | 'nonzero' = 'always',
  ): Breakdown | undefined {
    const grouping = ctx.grouping;
    if (!grouping) return undefined;
    const slots = grouping.visible;
    const bases = slots.map((s) => this.base(s, ctx));
    const rows: BreakdownRow[] = this.order(order).map((i) => {
      const def = this.rows[i]!;
      const counts = slots.map((s) => this.cell(i, s));
      return {
        value: def.value,
        label: def.label,
        counts,
        percents: counts.map((c, k) => ctx.percent(c, bases[k]!)),
      };
    });
    if (ctx.baseMode === 'all' && (notDisplayed === 'always' || this.hidden[0]! > 0)) {
      const counts = slots.map((s) => this.hidden[s]!);
      rows.push({
        value: null,
        label: notDisplayedLabel(ctx),
        counts,
        percents: counts.map((c, k) => ctx.percent(c, bases[k]!)),
      });
    }
    return { ...breakdownHead(grouping, slots, bases), rows };
  }
}

export function notDisplayedRow(count: number, base: number, ctx: ReportContext): FrequencyRow {
  return {
    value: null,
    label: notDisplayedLabel(ctx),
    count,
    percent: ctx.percent(count, base),
    rowKind: 'not-displayed',
  };
}

export function breakdownHead(grouping: GroupingInfo, slots: number[], bases: number[]): Breakdown {
  return {
    key: grouping.key,
    label: grouping.label,
    source: grouping.source,
    groups: slots.map((s, k) => ({ ...grouping.groups[s - 1]!, base: bases[k]! })),
  };
}

export function numericBreakdown(
  grouping: GroupingInfo | undefined,
  bases: number[],
  statsOf: (slot: number) => NumericStats,
): Breakdown | undefined {
  if (!grouping) return undefined;
  const slots = grouping.visible;
  return {
    ...breakdownHead(
      grouping,
      slots,
      slots.map((s) => bases[s]!),
    ),
    stats: slots.map(statsOf),
  };
}
