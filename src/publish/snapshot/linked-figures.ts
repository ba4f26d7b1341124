import { isAdditive, quantityRelations, quantityValue, type Quantity } from '../protect/links.js';
import { protectTable, type LinkedTable, type TableVariable } from '../protect/table.js';
import { evaluateIndicators } from '../indicators/evaluate.js';
import type { Figure } from '../indicators/figure.js';
import type { Indicator } from '../indicators/schema.js';
import type { Campaign } from '../input.js';
import { applySuppression, REASONS, revealsNoAnswer, suppressFigure } from '../suppression.js';
import { subCampaign } from './model.js';
import { costOf, type CellSet } from './tables.js';

/** A variable of the joint table: one quantity in one cell (or in a cell's rest). */
interface Place {
  cell: string;
  indicator: string;
}

/** The cells and what each publishes (a snapshot's brochures, or one brochure's figures). */
export type LinkedSet = Pick<CellSet, 'campaign' | 'cells' | 'children' | 'rests' | 'k'> & {
  brochures: ReadonlyMap<string, { figures: readonly Figure[] }>;
};

export interface FigureTables {
  tables: LinkedTable[];
  /** Variable id → the figure to hide when the variable is hidden. */
  places: Map<string, Place>;
}

const small = (n: number, k: number) => n > 0 && n < k;
const REST = '#rest';
const varId = (holder: string, q: Quantity) => `${holder}\u0001${q.id}`;

/** Raw (administrator) figures and their primary suppression, for a set of structures. */
function evaluated(campaign: Campaign, indicators: Indicator[], k: number) {
  const raw = evaluateIndicators(campaign.survey, campaign.responses, campaign.registry, { indicators });
  const hidden = applySuppression(raw, indicators, { k });
  return {
    raw: new Map(raw.map((f) => [f.id, f])),
    suppressed: new Set(hidden.filter((f) => f.suppressed).map((f) => f.id)),
  };
}

function unionFind() {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  return { find, union };
}

/**
 * The linked tables of every additive figure across every cell: per quantity, "cell = Σ children
 * + rest"; per cell and per relation between quantities (same quantity, complement, sum of parts),
 * Σ c·q = 0. Quantities never linked to each other make separate tables (cheaper to solve).
 */
export function linkedFigureTables(set: LinkedSet, indicators: readonly Indicator[]): FigureTables {
  const additive = indicators.filter(isAdditive);
  const byId = new Map(additive.map((i) => [i.id, i]));
  const { quantities, relations } = quantityRelations(set.campaign, additive);
  const groups = unionFind();
  for (const q of quantities) groups.union(q.id, q.indicator);
  for (const r of relations) {
    const [first, ...others] = [...r.keys()];
    for (const o of others) groups.union(first!, o);
  }
  const holders: {
    key: string;
    rest: boolean;
    data: ReturnType<typeof evaluated>;
    figures?: Map<string, Figure>;
  }[] = [];
  for (const cell of set.cells) {
    const ids = cell.structureIds;
    const campaign = ids ? subCampaign(set.campaign, (s) => s !== null && ids.has(s)) : set.campaign;
    const published = set.brochures.get(cell.key)?.figures ?? [];
    holders.push({
      key: cell.key,
      rest: false,
      data: evaluated(campaign, additive, set.k),
      figures: new Map(published.map((f) => [f.id, f])),
    });
  }
  for (const [key, rest] of set.rests)
    holders.push({ key: `${key}${REST}`, rest: true, data: evaluated(rest, additive, set.k) });

  const places = new Map<string, Place>();
  const tables = new Map<string, LinkedTable>();
  const tableOf = (q: Quantity) => {
    const root = groups.find(q.id);
    let table = tables.get(root);
    if (!table) tables.set(root, (table = { variables: new Map(), equations: [] }));
    return table;
  };
  for (const holder of holders) {
    const cell = set.cells.find((c) => c.key === holder.key);
    for (const q of quantities) {
      const ind = byId.get(q.indicator)!;
      const raw = holder.data.raw.get(q.indicator);
      if (!raw) continue;
      const amount = quantityValue(raw, q.role);
      const shown = holder.figures?.get(q.indicator);
      // An unpublished zero (a rest, a complement) is treated as known: that only makes the attacker stronger.
      if ((holder.rest || q.role === 'complement') && amount === 0) continue;
      if (!holder.rest && !shown) continue;
      const counted = q.role === 'value' && (raw.kind === 'share' || raw.kind === 'participation');
      const contributors = q.role === 'complement' ? amount : counted ? (raw.numerator ?? 0) : raw.base;
      const confidential = !revealsNoAnswer(ind);
      const variable: TableVariable = {
        published: !holder.rest && q.role !== 'complement' && !shown?.suppressed,
        sensitive:
          confidential &&
          (q.role === 'value'
            ? holder.rest
              ? holder.data.suppressed.has(q.indicator)
              : !!shown?.suppressed
            : q.role === 'complement' && small(amount, set.k)),
        contributors,
        cost: holder.rest || q.role === 'complement' ? 99 : cell ? costOf(set, cell) : 2,
        size: contributors,
        ...(confidential ? {} : { fixed: true }),
      };
      // A figure is published whole: hiding its value hides its base, and the other way round.
      if (!holder.rest && q.role !== 'complement') {
        const sibling = q.role === 'value' ? `${q.indicator}:base` : q.indicator;
        if (quantities.some((x) => x.id === sibling)) variable.hides = [`${holder.key}\u0001${sibling}`];
        places.set(varId(holder.key, q), { cell: holder.key, indicator: q.indicator });
      }
      tableOf(q).variables.set(varId(holder.key, q), variable);
    }
  }
  // Each quantity of a cell with children is the sum of its children's and of its rest.
  for (const q of quantities) {
    const table = tableOf(q);
    for (const [parent, kids] of set.children) {
      if (!table.variables.has(varId(parent, q))) continue;
      const eq = new Map<string, number>([[varId(parent, q), 1]]);
      for (const c of kids) if (table.variables.has(varId(c.key, q))) eq.set(varId(c.key, q), -1);
      const rest = varId(`${parent}${REST}`, q);
      if (table.variables.has(rest)) eq.set(rest, -1);
      table.equations.push(eq);
    }
  }
  // The relations between quantities hold in every cell and every rest.
  for (const relation of relations) {
    const table = tableOf(quantities.find((q) => q.id === [...relation.keys()][0])!);
    for (const holder of holders) {
      const eq = new Map<string, number>();
      for (const [id, c] of relation) {
        const v = `${holder.key}\u0001${id}`;
        if (table.variables.has(v)) eq.set(v, c);
      }
      if (eq.size > 0) table.equations.push(eq);
    }
  }
  return { tables: [...tables.values()], places };
}

/**
 * One page on its own (a brochure made outside a snapshot): the figures of its indicators that
 * give a hidden one back within the page (its complement, the same count under another
 * indicator, the other parts of a published total) are hidden too.
 */
export function protectLinkedPage(
  campaign: Campaign,
  figures: readonly Figure[],
  indicators: readonly Indicator[],
  k: number,
  lang: 'fr' | 'en' = 'fr',
): Figure[] {
  const page = { key: 'page', name: 'page', level: null, parent: null, structureIds: null };
  const { tables, places } = linkedFigureTables(
    {
      campaign,
      cells: [page],
      children: new Map(),
      rests: new Map(),
      k,
      brochures: new Map([['page', { figures }]]),
    },
    indicators,
  );
  const hidden = new Set<string>();
  for (const table of tables) for (const id of protectTable(table, k)) hidden.add(places.get(id)!.indicator);
  return figures.map((f) =>
    hidden.has(f.id) && !f.suppressed ? suppressFigure(f, REASONS.differencing[lang]()) : f,
  );
}
