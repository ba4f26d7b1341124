import type { QuestionResult } from '../../report/model.js';
import { buildBrochure, type BrochureModel } from '../brochure/model.js';
import type { Figure } from '../indicators/figure.js';
import type { IndicatorFile } from '../indicators/schema.js';
import type { Campaign } from '../input.js';
import { protectTable } from '../protect/table.js';
import { buildStructureSheet, UnknownStructureError, type StructureSheet } from '../sheet/model.js';
import { linkedNonAdditive, REASONS, suppressFigure } from '../suppression.js';
import { NETWORK, type CellNode, type SnapshotContent } from './model.js';
import { linkedFigureTables } from './linked-figures.js';
import { barKey, cellSet, chartTable, rawChartCounts } from './tables.js';

export interface SnapshotOptions {
  /** Confidentiality threshold, already checked (≥ MIN_K) by the caller. */
  k: number;
  lang?: 'fr' | 'en';
  /** ISO instant of the snapshot. */
  generatedAt: string;
  /** Registry level of the structures' own territory on their sheets (default "territoire"). */
  sheetLevel?: string;
  /** Structure id → territory id, so sheets compare a structure with its own territory by id. */
  territoryIds?: ReadonlyMap<string, string>;
}

function replaceFigure(model: BrochureModel, id: string, change: (f: Figure) => Figure): void {
  model.figures = model.figures.map((f) => (f.id === id ? change(f) : f));
  const byId = new Map(model.figures.map((f) => [f.id, f]));
  for (const s of model.sections) s.figures = s.figures.map((f) => byId.get(f.id) ?? f);
}

/** Keeps only the bars still published, notes the hidden ones, and drops the fields pages never show. */
function finalChart(
  q: QuestionResult,
  published: (key: string) => boolean,
  k: number,
  lang: 'fr' | 'en',
): QuestionResult {
  const rows = (q.rows ?? []).filter((r) => r.percent !== null && published(barKey(r)));
  const hidden = (q.rows ?? []).filter((r) => !rows.includes(r)).map((r) => r.label);
  const note =
    lang === 'fr'
      ? `Secret statistique : modalités non représentées, citées par moins de ${k} structures ou qui permettraient de les retrouver (${hidden.join(', ')}).`
      : `Confidentiality: answers not drawn, given by fewer than ${k} structures or that would give them away (${hidden.join(', ')}).`;
  return {
    name: q.name,
    type: q.type,
    kind: q.kind,
    title: q.title,
    page: q.page,
    base: q.base,
    answered: q.answered,
    rows,
    ...(q.multiple ? { multiple: true } : {}),
    notes: hidden.length ? [note] : [],
  };
}

function protectCharts(set: ReturnType<typeof cellSet>, questions: string[], lang: 'fr' | 'en'): void {
  const raw = rawChartCounts(set, questions);
  for (const question of questions) {
    const table = chartTable(set, question, raw.get(question)!);
    protectTable(table, set.k);
    const isPublished = (id: string) => table.variables.get(id)?.published !== false;
    for (const cell of set.cells) {
      const model = set.brochures.get(cell.key)!;
      const dropped = !isPublished(`${cell.key}|=`);
      for (const section of model.sections) {
        section.charts = section.charts
          .filter((q) => q.name !== question || !dropped)
          .map((q) =>
            q.name === question ? finalChart(q, (key) => isPublished(`${cell.key}|${key}`), set.k, lang) : q,
          )
          // A chart with every bar hidden says nothing: it is left out.
          .filter((q) => (q.rows ?? []).length > 0);
      }
    }
  }
}

/** Public outputs never carry internal measures, nor the base of a hidden figure (a count's base is its value). */
function sanitize(model: BrochureModel, network: BrochureModel | undefined): void {
  const networkValue = new Map((network?.figures ?? []).map((f) => [f.id, f.suppressed ? null : f.value]));
  for (const f of [...model.figures]) {
    replaceFigure(model, f.id, (x) => {
      const { dominance: _d, network: nw, ...rest } = x;
      const out: Figure = x.suppressed ? { ...rest, base: 0 } : rest;
      // The network value shown beside a territory's is the network page's, as protected there.
      const value = networkValue.get(x.id);
      if (nw !== undefined && value !== null && value !== undefined) out.network = value;
      return out;
    });
  }
}

function structureSheets(campaign: Campaign, options: SnapshotOptions): Record<string, StructureSheet> {
  const attributes = campaign.registry?.attributes ?? [];
  const level =
    options.sheetLevel ??
    (attributes.includes('territoire')
      ? 'territoire'
      : (['departement', 'region'].find((l) => attributes.includes(l)) ?? 'territoire'));
  const answered = new Set(campaign.responses.map((r) => r.structure).filter((s): s is string => !!s));
  const sheets: Record<string, StructureSheet> = {};
  for (const s of campaign.registry?.structures ?? []) {
    if (!answered.has(s.id)) continue;
    try {
      sheets[s.id] = buildStructureSheet(campaign, s.id, {
        audience: 'public',
        level,
        k: options.k,
        lang: options.lang ?? 'fr',
        ...(options.territoryIds ? { territoryIds: options.territoryIds } : {}),
      });
    } catch (err) {
      if (!(err instanceof UnknownStructureError)) throw err;
    }
  }
  return sheets;
}

/**
 * Every public output of a campaign at once, protected together: primary rules (threshold k,
 * dominance) per figure, then secondary suppression on each additive figure and each chart
 * across the whole tree of cells (network, territories, sub-territories), so that no hidden
 * figure can be solved from the others — within a page (bars and their total) or across pages
 * (a territory and its sub-territories).
 */
export function buildSnapshotContent(
  campaign: Campaign,
  file: IndicatorFile,
  cells: CellNode[],
  options: SnapshotOptions,
): SnapshotContent {
  const lang = options.lang ?? 'fr';
  const k = options.k;
  const brochures = new Map<string, BrochureModel>();
  for (const cell of cells) {
    brochures.set(
      cell.key,
      buildBrochure(campaign, file, {
        territory: cell.level ? { level: cell.level, name: cell.name } : null,
        ...(cell.structureIds ? { structureIds: cell.structureIds } : {}),
        audience: 'public',
        crossTerritory: false,
        k,
        lang,
        generatedAt: options.generatedAt.slice(0, 10),
      }),
    );
  }
  const set = cellSet(campaign, cells, brochures, k);
  const { tables, places } = linkedFigureTables(set, file.indicators);
  for (const table of tables) {
    for (const id of protectTable(table, k)) {
      const place = places.get(id);
      const model = place && brochures.get(place.cell);
      if (model && place)
        replaceFigure(model, place.indicator, (f) =>
          f.suppressed ? f : suppressFigure(f, REASONS.differencing[lang]()),
        );
    }
  }
  for (const model of brochures.values()) {
    for (const [id, reason] of linkedNonAdditive(model.figures, file.indicators, lang))
      replaceFigure(model, id, (f) => suppressFigure(f, reason));
  }
  protectCharts(set, [...new Set(file.sections.flatMap((s) => s.charts))], lang);
  const network = brochures.get(NETWORK);
  for (const model of brochures.values()) sanitize(model, network);
  return {
    format: 1,
    title: file.title,
    k,
    responses: campaign.responses.length,
    generatedAt: options.generatedAt,
    level: file.territoryAttribute,
    cells: cells.map((c) => ({ key: c.key, name: c.name, level: c.level, parent: c.parent })),
    brochures: Object.fromEntries(brochures),
    sheets: structureSheets(campaign, options),
  };
}
