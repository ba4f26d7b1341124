import type { QuestionResult } from '../../report/model.js';
import { buildReport } from '../../stats/index.js';
import type { BrochureModel } from '../brochure/model.js';
import type { Campaign } from '../input.js';
import type { Equation } from '../protect/linear.js';
import type { LinkedTable, TableVariable } from '../protect/table.js';
import { NETWORK, subCampaign, type CellNode } from './model.js';

/** The cells with what they publish, and each cell's "rest": its structures outside every child. */
export interface CellSet {
  campaign: Campaign;
  cells: CellNode[];
  brochures: Map<string, BrochureModel>;
  children: Map<string, CellNode[]>;
  /** Responses of a cell outside its child cells; absent when there are none (the rest is then 0). */
  rests: Map<string, Campaign>;
  k: number;
}

export function cellSet(
  campaign: Campaign,
  cells: CellNode[],
  brochures: Map<string, BrochureModel>,
  k: number,
): CellSet {
  const children = new Map<string, CellNode[]>();
  for (const c of cells) if (c.parent) children.set(c.parent, [...(children.get(c.parent) ?? []), c]);
  const rests = new Map<string, Campaign>();
  for (const [key, kids] of children) {
    const cell = cells.find((c) => c.key === key)!;
    const inChild = new Set(kids.flatMap((c) => [...(c.structureIds ?? [])]));
    const rest = subCampaign(
      campaign,
      (s) =>
        (s === null ? cell.structureIds === null : (cell.structureIds?.has(s) ?? true)) &&
        !(s !== null && inChild.has(s)),
    );
    if (rest.responses.length > 0) rests.set(key, rest);
  }
  return { campaign, cells, brochures, children, rests, k };
}

const REST = '#rest';
export const costOf = (set: Pick<CellSet, 'children'>, cell: CellNode) =>
  cell.key === NETWORK ? 2 : set.children.has(cell.key) ? 1 : 0;

/** Equations "cell = Σ children + rest" for one quantity named by suffix. */
function hierarchy(set: CellSet, suffix: string, variables: Map<string, TableVariable>): Equation[] {
  const out: Equation[] = [];
  for (const [key, kids] of set.children) {
    const eq = new Map<string, number>([[`${key}${suffix}`, 1]]);
    for (const c of kids) eq.set(`${c.key}${suffix}`, -1);
    if (variables.has(`${key}${REST}${suffix}`)) eq.set(`${key}${REST}${suffix}`, -1);
    out.push(eq);
  }
  return out;
}

/** Key of a chart bar: its choice value (the label for rows without one). */
export const barKey = (row: { value: unknown; label: string }): string =>
  row.value === null || row.value === undefined ? `#${row.label}` : String(row.value);

const drawn = (kind: string) => kind !== 'no-answer' && kind !== 'not-displayed';

export interface RawBars {
  bars: Map<string, number>;
  multiple: boolean;
}

/** Bar counts of the given questions over a campaign (administrator figures, never published). */
function rawBars(campaign: Campaign, questions: readonly string[]): Map<string, RawBars> {
  const report = buildReport(campaign.survey, campaign.responses, {
    ...(campaign.registry ? { registry: campaign.registry } : {}),
  });
  const out = new Map<string, RawBars>();
  for (const name of questions) {
    const q = report.questions.find((x) => x.name === name);
    const bars = new Map<string, number>();
    for (const r of q?.rows ?? []) if (drawn(r.rowKind)) bars.set(barKey(r), r.count);
    out.set(name, { bars, multiple: !!q?.multiple });
  }
  return out;
}

export function chartOf(model: BrochureModel, question: string): QuestionResult | undefined {
  for (const s of model.sections) {
    const q = s.charts.find((c) => c.name === question);
    if (q) return q;
  }
  return undefined;
}

/**
 * The linked table of one chart question: a variable per cell and bar ("<cell>|<value>") and,
 * for single-choice questions, the cell's total of drawn bars ("<cell>|=", the chart itself:
 * hiding it drops the chart from that page). Bars add up to the total within a page, and each
 * bar of a territory is the sum of its sub-territories' bars.
 */
export function chartTable(set: CellSet, question: string, raw: Map<string, RawBars>): LinkedTable {
  const variables = new Map<string, TableVariable>();
  const equations: Equation[] = [];
  const keys = new Set([...raw.values()].flatMap((r) => [...r.bars.keys()]));
  const multiple = [...raw.values()].some((r) => r.multiple);
  const add = (id: string, count: number, published: boolean, cost: number, hides?: string[]) =>
    variables.set(id, {
      published,
      sensitive: count > 0 && count < set.k,
      contributors: count,
      cost,
      size: count,
      ...(hides ? { hides } : {}),
    });
  for (const [prefix, data] of raw) {
    const cell = set.cells.find((c) => c.key === prefix);
    const chart = cell ? chartOf(set.brochures.get(cell.key)!, question) : undefined;
    const shown = new Set((chart?.rows ?? []).filter((r) => r.percent !== null).map(barKey));
    const cost = cell ? costOf(set, cell) : 99;
    for (const key of keys) {
      const count = data.bars.get(key) ?? 0;
      // A bar absent from a drawn chart is a known zero.
      add(`${prefix}|${key}`, count, !!chart && (count === 0 || shown.has(key)), cost);
    }
    if (!multiple) {
      const total = [...data.bars.values()].reduce((s, n) => s + n, 0);
      add(
        `${prefix}|=`,
        total,
        !!chart,
        10 + cost,
        [...keys].map((key) => `${prefix}|${key}`),
      );
      equations.push(
        new Map([[`${prefix}|=`, 1], ...[...keys].map((key): [string, number] => [`${prefix}|${key}`, -1])]),
      );
    }
  }
  for (const key of keys) equations.push(...hierarchy(set, `|${key}`, variables));
  if (!multiple) equations.push(...hierarchy(set, '|=', variables));
  return { variables, equations };
}

/** Per chart question, its raw bar counts in every cell and every rest. */
export function rawChartCounts(
  set: CellSet,
  questions: readonly string[],
): Map<string, Map<string, RawBars>> {
  const out = new Map<string, Map<string, RawBars>>(questions.map((q) => [q, new Map()]));
  const put = (key: string, campaign: Campaign) => {
    for (const [q, bars] of rawBars(campaign, questions)) out.get(q)!.set(key, bars);
  };
  if (questions.length === 0) return out;
  for (const cell of set.cells) {
    const ids = cell.structureIds;
    put(cell.key, ids ? subCampaign(set.campaign, (s) => s !== null && ids.has(s)) : set.campaign);
  }
  for (const [key, rest] of set.rests) put(`${key}${REST}`, rest);
  return out;
}
